package io.slotgate.launcher;

import io.slotgate.routing.testsupport.FreePorts;
import io.slotgate.routing.testsupport.RedisCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's start command as a newcomer runs it: {@code bin/slotgate local} on non-default ports, used with
 * redis-cli, stopped with Ctrl-C (SIGINT), then started again on the same --dir: same cluster, same data (AOF).
 */
class LocalLauncherIntegrationTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private final List<Process> started = new ArrayList<>();
    private Path dir;

    @AfterEach
    void stopEverything() throws Exception {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void shouldStartAClusterBehindTheProxyStopOnCtrlCAndResumeTheSameClusterWithItsData() throws Exception {
        dir = Files.createTempDirectory("slotgate-local-");
        int base = freeBasePort();
        int proxyPort = FreePorts.any();

        Process first = launch(base, proxyPort);
        String firstOutput = awaitOutput(first, "slotgate local: ready.", 0);
        // Progress while it waits, then how to connect and a one-line topology summary.
        assertThat(firstOutput).contains("slotgate local: starting 6 nodes in ")
                .containsPattern("slotgate local: waiting for nodes to listen\\.*\n")
                .contains("slotgate local: meeting 6 nodes")
                .contains("slotgate local: assigning slots to 3 masters")
                .containsPattern("slotgate local: waiting for cluster_state:ok\\.*\n")
                .contains("slotgate local: ready. 3 masters + 3 replicas on ports " + base + "-" + (base + 5)
                        + ", proxy on " + proxyPort + ".")
                .contains("Connect with: redis-cli -p " + proxyPort);
        assertThat(cli(proxyPort, "SET", "greeting", "hello")).isEqualTo("OK");
        assertThat(cli(proxyPort, "GET", "greeting")).isEqualTo("hello");
        // Keys on every master, so the restart below must bring back each one's append-only file.
        for (int i = 0; i < 100; i++) {
            assertThat(cli(proxyPort, "SET", "kept:" + i, "v" + i)).isEqualTo("OK");
        }
        String nodes = cli(base, "CLUSTER", "NODES");
        assertThat(nodes.lines().filter(l -> l.contains("master"))).hasSize(3);
        assertThat(nodes.lines().filter(l -> l.contains("slave"))).hasSize(3);
        TreeSet<String> ids = nodeIds(nodes);

        interrupt(first);
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (int p : allPorts(base, proxyPort)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !isListening(p));
        }

        long firstRunLength = Files.size(dir.resolve("launcher.out"));
        Process second = launch(base, proxyPort);
        String output = awaitOutput(second, "slotgate local: ready.", firstRunLength);
        assertThat(output).contains("resuming the existing cluster")
                .contains("slotgate local: ready. 3 masters + 3 replicas on ports " + base + "-" + (base + 5));
        assertThat(nodeIds(cli(base, "CLUSTER", "NODES"))).isEqualTo(ids);
        assertThat(cli(proxyPort, "PING")).isEqualTo("PONG");
        // Local mode runs the nodes with appendonly yes: the data written before Ctrl-C is back.
        assertThat(cli(proxyPort, "GET", "greeting")).isEqualTo("hello");
        for (int i = 0; i < 100; i++) {
            assertThat(cli(proxyPort, "GET", "kept:" + i)).isEqualTo("v" + i);
        }
        interrupt(second);
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private Process launch(int base, int proxyPort) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("bin/slotgate").toString(), "local",
                "--base-port", String.valueOf(base), "--proxy-port", String.valueOf(proxyPort),
                "--dir", dir.toString(), "--cluster-node-timeout", "2000")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("launcher.out").toFile()));
        // Run from this build's classes rather than a packaged jar (tests run before `package`).
        pb.environment().put("SLOTGATE_CLASSPATH", System.getProperty("java.class.path"));
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** Waits for {@code marker} in what the launcher printed after {@code from} bytes of its output file. */
    private String awaitOutput(Process p, String marker, long from) throws IOException, InterruptedException {
        File out = dir.resolve("launcher.out").toFile();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String text = out.exists() ? Files.readString(out.toPath(), StandardCharsets.UTF_8) : "";
            String current = text.substring((int) Math.min(from, text.length()));
            if (current.contains(marker)) {
                return current;
            }
            if (!p.isAlive()) {
                throw new AssertionError("launcher exited " + p.exitValue() + ":\n" + text);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + marker + "' within 120 s:\n" + Files.readString(out.toPath()));
    }

    /** Ctrl-C: the JVM behind bin/slotgate (exec'd, so the same pid) gets SIGINT. */
    private static void interrupt(Process p) throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
    }

    private static String cli(int port, String... args) {
        List<String> all = new ArrayList<>(List.of("-p", String.valueOf(port)));
        all.addAll(List.of(args));
        return RedisCli.run(30, all.toArray(String[]::new)).output().trim();
    }

    private static TreeSet<String> nodeIds(String clusterNodes) {
        TreeSet<String> ids = new TreeSet<>();
        clusterNodes.lines().forEach(l -> ids.add(l.split(" ")[0]));
        return ids;
    }

    /** Whether anything still accepts connections there (TIME_WAIT leftovers of closed links do not count). */
    private static boolean isListening(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Integer> allPorts(int base, int proxyPort) {
        List<Integer> ports = new ArrayList<>(List.of(proxyPort));
        for (int i = 0; i < 6; i++) {
            ports.add(base + i);
            ports.add(base + i + 10000);
        }
        return ports;
    }

    private static int freeBasePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            // Below Linux's ephemeral range (32768+) for both ports, so outgoing connections cannot take them.
            int base = ThreadLocalRandom.current().nextInt(10000, 22690);
            boolean free = true;
            for (int i = 0; i < 6 && free; i++) {
                free = FreePorts.isFree(base + i) && FreePorts.isFree(base + i + 10000);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no 6 consecutive free port pairs");
    }
}
