package io.slotgate.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code slotgate local}: a whole cluster on this machine. Nodes run as child processes (each on its own client
 * and bus ports, killable on its own, as in a real deployment); the proxy runs in this JVM. Ctrl-C stops all.
 */
@Command(name = "local", mixinStandardHelpOptions = true, defaultValueProvider = LocalDefaults.class,
        description = "Start a local cluster (default 3 masters + 3 replicas) plus the proxy on port 7617. "
                + "Defaults come from conf/local.conf.")
final class LocalLauncher implements Callable<Integer> {

    @Option(names = "--base-port", defaultValue = "7000", description = "First node's client port (default ${DEFAULT-VALUE}).")
    int basePort;

    @Option(names = "--proxy-port", defaultValue = "7617", description = "Proxy port (default ${DEFAULT-VALUE}).")
    int proxyPort;

    @Option(names = "--masters", defaultValue = "3", description = "Masters (default ${DEFAULT-VALUE}).")
    int masters;

    @Option(names = "--replicas", defaultValue = "1", description = "Replicas per master (default ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--dir", defaultValue = "data/local", description = "Data directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--cluster-node-timeout", defaultValue = "5000",
            description = "Node timeout in ms for failure detection (default ${DEFAULT-VALUE}).")
    int nodeTimeout;

    @Option(names = "--appendonly", defaultValue = "yes",
            description = "yes|no: each node keeps an append-only file in its directory (default ${DEFAULT-VALUE}).")
    String appendonly;

    private final List<NodeProcess> nodes = new ArrayList<>();
    private LocalProxy proxy;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (masters < 1 || replicas < 0 || masters + masters * replicas > 100) {
            System.err.println("slotgate local: need 1..100 nodes in total");
            return 2;
        }
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < masters * (1 + replicas); i++) {
            ports.add(basePort + i);
        }
        List<Integer> wanted = new ArrayList<>(ports);
        ports.forEach(p -> wanted.add(p + 10000));
        wanted.add(proxyPort);
        for (int p : wanted) {
            if (!isFree(p)) {
                System.err.println("slotgate local: port " + p + " is in use; choose --base-port/--proxy-port");
                return 2;
            }
        }
        Thread hook = new Thread(this::stopAll, "slotgate-local-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out.println("slotgate local: starting " + ports.size() + " nodes in " + dir.toAbsolutePath());
            for (int p : ports) {
                nodes.add(NodeProcess.start(p, dir.resolve("node-" + p),
                        List.of("--cluster-node-timeout", String.valueOf(nodeTimeout), "--appendonly", appendonly)));
            }
            awaitNodesListening(out);
            try (ClusterFormer former = new ClusterFormer(ports, out)) {
                if (former.isNew()) {
                    former.form(masters, Duration.ofSeconds(60));
                } else {
                    out.println("slotgate local: resuming the existing cluster in " + dir);
                }
                out.print("slotgate local: waiting for cluster_state:ok");
                former.awaitClusterOk(Duration.ofSeconds(120));
            }
            startProxy(ports);
            out.println("slotgate local: ready. " + masters + " masters + " + masters * replicas + " replicas on ports "
                    + ports.get(0) + "-" + ports.get(ports.size() - 1) + ", proxy on " + proxyPort + ".");
            out.println("Connect with: redis-cli -p " + proxyPort + "   (Ctrl-C stops everything)");
            stopped.await();
            return 0;
        } catch (Exception e) {
            System.err.println("slotgate local: " + e.getMessage() + " (node logs are in " + dir + "/node-*/node.log)");
            stopAll();
            return 1;
        }
    }

    private void awaitNodesListening(PrintStream out) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        out.print("slotgate local: waiting for nodes to listen");
        for (NodeProcess n : nodes) {
            while (!n.acceptsConnections()) {
                if (!n.isAlive()) {
                    throw new IllegalStateException("node " + n.port() + " exited; see " + n.dir().resolve("node.log"));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("node " + n.port() + " did not start listening");
                }
                out.print('.');
                out.flush();
                Thread.sleep(200);
            }
        }
        out.println();
    }

    private synchronized void startProxy(List<Integer> ports) throws InterruptedException {
        proxy = LocalProxy.start(ports, proxyPort);
    }

    /** Runs from the shutdown hook on Ctrl-C/SIGTERM, or after a failed start: frees every port. */
    private synchronized void stopAll() {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
        for (NodeProcess n : nodes) {
            n.close();
        }
        nodes.clear();
        stopped.countDown();
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
