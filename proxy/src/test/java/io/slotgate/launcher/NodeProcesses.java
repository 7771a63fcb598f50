package io.slotgate.launcher;

import io.slotgate.routing.testsupport.RespConnection;
import io.slotgate.routing.topology.ClusterSlotsParser;
import io.slotgate.routing.topology.SlotMap;
import io.slotgate.routing.testsupport.RedisCli;
import io.slotgate.routing.testsupport.FreePorts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Backend nodes started as separate processes through {@code bin/slotgate node}, each in its own directory, on
 * consecutive free port pairs. Close it to kill them all and remove the directories. Public for the runbook
 * tests in {@code io.slotgate.launcher.runbooks}.
 */
public final class NodeProcesses implements AutoCloseable {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Path dir;
    private final int basePort;
    private final Process[] processes;
    private final List<String> extraArgs;

    private NodeProcesses(Path dir, int basePort, int count, List<String> extraArgs) {
        this.dir = dir;
        this.basePort = basePort;
        this.processes = new Process[count];
        this.extraArgs = List.copyOf(extraArgs);
    }

    public static NodeProcesses start(int count, String... extraArgs) throws IOException {
        NodeProcesses nodes = new NodeProcesses(Files.createTempDirectory("slotgate-nodes-"), freeBase(count), count,
                List.of(extraArgs));
        try {
            for (int i = 0; i < count; i++) {
                nodes.launch(i);
            }
            for (int i = 0; i < count; i++) {
                nodes.awaitListening(i);
            }
            return nodes;
        } catch (IOException | RuntimeException e) {
            nodes.close();
            throw e;
        }
    }

    public int port(int i) {
        return basePort + i;
    }

    public String address(int i) {
        return "127.0.0.1:" + port(i);
    }

    public int count() {
        return processes.length;
    }

    public List<String> addresses() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < processes.length; i++) {
            out.add(address(i));
        }
        return out;
    }

    /** Starts (or restarts) node i with the same port and directory. */
    /**
     * {@code redis-cli --cluster create <every node> --cluster-replicas n --cluster-yes}, as the README's first
     * runbook; returns redis-cli's result (exit code and output) for the caller to check.
     */
    public RedisCli.Result createWithRedisCli(int replicasPerMaster) {
        List<String> args = new ArrayList<>(List.of("--cluster", "create"));
        args.addAll(addresses());
        args.addAll(List.of("--cluster-replicas", String.valueOf(replicasPerMaster), "--cluster-yes"));
        return RedisCli.run(120, args.toArray(String[]::new));
    }

    /** The index of the process listening on {@code node}'s port. */
    public int indexOf(io.slotgate.routing.topology.ClusterNode node) {
        for (int i = 0; i < count(); i++) {
            if (port(i) == node.port()) {
                return i;
            }
        }
        throw new IllegalStateException("unknown node " + node);
    }

    /** One command on a fresh connection to node {@code i}; the reply as text. */
    public String call(int i, String... args) {
        try (RespConnection c = RespConnection.open(port(i))) {
            return RespConnection.text(c.call(args));
        }
    }

    /** Node {@code i}'s CLUSTER SLOTS, parsed. */
    public SlotMap slotMap(int i) {
        try (RespConnection c = RespConnection.open(port(i))) {
            return ClusterSlotsParser.parse(c.call("CLUSTER", "SLOTS"), "127.0.0.1");
        }
    }

    public void launch(int i) throws IOException {
        Path nodeDir = dir.resolve("node-" + port(i));
        Files.createDirectories(nodeDir);
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("bin/slotgate").toString(), "node",
                "--port", String.valueOf(port(i)), "--bind", "127.0.0.1", "--dir", nodeDir.toString()));
        cmd.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(nodeDir.resolve("node.log").toFile()));
        // Tests run before `package`: run the launcher from this build's class path.
        pb.environment().put("SLOTGATE_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("JAVA_OPTS", "-Xmx256m");
        processes[i] = pb.start();
    }

    public void awaitListening(int i) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!processes[i].isAlive()) {
                throw new IllegalStateException("node " + port(i) + " exited: " + log(i));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port(i)), 200);
                return;
            } catch (IOException e) {
                sleep(100);
            }
        }
        throw new IllegalStateException("node " + port(i) + " did not listen: " + log(i));
    }

    /** kill -9 of node i. */
    public void kill(int i) {
        Process p = processes[i];
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public String log(int i) {
        try {
            return Files.readString(dir.resolve("node-" + port(i)).resolve("node.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < processes.length; i++) {
            kill(i);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private static int freeBase(int count) {
        for (int attempt = 0; attempt < 500; attempt++) {
            // Below Linux's ephemeral range (32768+) for both ports, so outgoing connections cannot take them.
            int base = ThreadLocalRandom.current().nextInt(10000, 22700 - count);
            boolean free = true;
            for (int i = 0; i < count && free; i++) {
                free = FreePorts.isFree(base + i) && FreePorts.isFree(base + i + 10000);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free port pairs");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
