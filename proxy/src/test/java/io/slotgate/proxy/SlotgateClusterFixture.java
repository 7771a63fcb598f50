package io.slotgate.proxy;

import io.slotgate.node.Node;
import io.slotgate.node.NodeOptionsParser;
import io.slotgate.routing.testsupport.ClusterPolling;
import io.slotgate.routing.testsupport.FreePorts;
import io.slotgate.routing.testsupport.RespConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A cluster of our own backend nodes, started in-process on free loopback ports and formed by hand the way
 * {@code slotgate local} does it (CLUSTER MEET, ADDSLOTSRANGE, REPLICATE; cluster-protocol.md). Returned once every
 * node reports {@code cluster_state:ok}, knows every other node as master or replica, lists all of them in
 * {@code CLUSTER SLOTS}, and every replica has its master link up (synced). Close it to stop every node and delete
 * their directories.
 */
final class SlotgateClusterFixture implements ClusterBackend {

    static final Duration DEFAULT_FORM_TIMEOUT = Duration.ofSeconds(60);
    private static final int SLOTS = 16384;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final List<Node> nodes;
    private final List<Path> dirs;
    /** Nodes stopped by {@link #kill}, so close() does not stop them twice. */
    private final Set<Node> killed = new HashSet<>();

    private SlotgateClusterFixture(List<Node> nodes, List<Path> dirs) {
        this.nodes = nodes;
        this.dirs = dirs;
    }

    /** The first {@code masters} nodes become masters; replica r follows master r % masters. */
    static SlotgateClusterFixture start(int masters, int replicasPerMaster, Duration nodeTimeout) {
        long start = System.nanoTime();
        SlotgateClusterFixture cluster = new SlotgateClusterFixture(new ArrayList<>(), new ArrayList<>());
        try {
            Set<Integer> taken = new HashSet<>();
            for (int i = 0; i < masters * (1 + replicasPerMaster); i++) {
                cluster.startNode(taken, nodeTimeout);
            }
            long t0 = System.nanoTime();
            cluster.form(masters, DEFAULT_FORM_TIMEOUT);
            long t1 = System.nanoTime();
            cluster.awaitConsistent(DEFAULT_FORM_TIMEOUT);
            long t2 = System.nanoTime();
            System.out.printf("SlotgateClusterFixture %s: started in %d ms, formed in %d ms, converged in %d ms%n",
                    cluster.addresses(), (t0 - start) / 1_000_000, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    @Override
    public List<String> addresses() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.port()).toList();
    }

    @Override
    public List<Integer> ports() {
        return nodes.stream().map(Node::port).toList();
    }

    /**
     * Waits until every node reports {@code cluster_state:ok}, sees all nodes as healthy masters or replicas, lists
     * all of them in {@code CLUSTER SLOTS}, and every replica's master link is up.
     */
    void awaitConsistent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "not checked yet";
        while (System.nanoTime() < deadline) {
            lastProblem = problem();
            if (lastProblem == null) {
                return;
            }
            ClusterPolling.pause(POLL_INTERVAL);
        }
        throw new IllegalStateException("cluster " + addresses() + " did not converge within " + timeout + ": "
                + lastProblem);
    }

    @Override
    public void kill(String address) {
        Node node = nodes.get(addresses().indexOf(address));
        if (killed.add(node)) {
            node.close();
        }
    }

    @Override
    public boolean isRunning(String address) {
        return !killed.contains(nodes.get(addresses().indexOf(address)));
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            if (!killed.add(node)) {
                continue;
            }
            try {
                node.close();
            } catch (RuntimeException e) {
                System.out.println("SlotgateClusterFixture: stopping node " + node.port() + " failed: " + e);
            }
        }
        dirs.forEach(SlotgateClusterFixture::deleteTree);
    }

    /** Starts one node, trying another port if a parallel test took the chosen one meanwhile. */
    private void startNode(Set<Integer> taken, Duration nodeTimeout) {
        Path dir = tempDir();
        dirs.add(dir);
        RuntimeException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = FreePorts.distinctClusterPort(taken);
            try {
                nodes.add(Node.start(NodeOptionsParser.parse("--port", String.valueOf(port), "--bind", "127.0.0.1",
                        "--dir", dir.toString(), "--cluster-node-timeout", String.valueOf(nodeTimeout.toMillis()), "--io-threads", "1")));
                return;
            } catch (Exception e) {
                failure = new IllegalStateException("node on port " + port + " did not start", e);
            }
        }
        throw failure;
    }

    private void form(int masters, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (RespConnection first = connect(0)) {
            for (int i = 1; i < nodes.size(); i++) {
                first.call("CLUSTER", "MEET", "127.0.0.1", String.valueOf(port(i)));
            }
        }
        awaitEvery(c -> c.callText("CLUSTER", "INFO").contains("cluster_known_nodes:" + nodes.size()), deadline,
                "every node to know every other");
        List<String> masterIds = new ArrayList<>();
        for (int m = 0; m < masters; m++) {
            try (RespConnection c = connect(m)) {
                c.call("CLUSTER", "ADDSLOTSRANGE", String.valueOf(m * SLOTS / masters),
                        String.valueOf((m + 1) * SLOTS / masters - 1));
                masterIds.add(c.callText("CLUSTER", "MYID"));
            }
        }
        // A node can only REPLICATE a node it already knows as a master (cluster-protocol.md).
        awaitEvery(c -> masterIds.stream().allMatch(id -> knowsAsMasterWithSlots(c.callText("CLUSTER", "NODES"), id)),
                deadline, "every node to learn the masters' slots");
        for (int r = masters; r < nodes.size(); r++) {
            try (RespConnection c = connect(r)) {
                Object reply = c.call("CLUSTER", "REPLICATE", masterIds.get((r - masters) % masters));
                if (!"OK".equals(reply)) {
                    throw new IllegalStateException("CLUSTER REPLICATE on " + addresses().get(r) + ": " + reply);
                }
            }
        }
    }

    private void awaitEvery(Predicate<RespConnection> ok, long deadline, String what) {
        for (int i = 0; i < nodes.size(); i++) {
            try (RespConnection c = connect(i)) {
                while (!ok.test(c)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("timed out waiting for " + what + " (" + addresses().get(i)
                                + ")");
                    }
                    ClusterPolling.pause(POLL_INTERVAL);
                }
            }
        }
    }

    /** What still keeps the cluster from being consistent, or null if it is. */
    private String problem() {
        for (String address : addresses()) {
            try (RespConnection c = RespConnection.open(ClusterProbe.port(address))) {
                if (!c.callText("CLUSTER", "INFO").contains("cluster_state:ok")) {
                    return address + " is not cluster_state:ok";
                }
                String[] lines = c.callText("CLUSTER", "NODES").trim().split("\n");
                if (lines.length != nodes.size()) {
                    return address + " knows " + lines.length + " nodes";
                }
                for (String line : lines) {
                    String flags = line.split(" ")[2];
                    if (flags.contains("fail") || flags.contains("handshake") || flags.contains("noaddr")
                            || !(flags.contains("master") || flags.contains("slave"))) {
                        return address + " sees " + line;
                    }
                }
                int listed = ClusterPolling.countSlotsNodes(c.call("CLUSTER", "SLOTS"));
                if (listed != nodes.size()) {
                    return address + " lists " + listed + " nodes in CLUSTER SLOTS";
                }
                String replication = c.callText("INFO", "replication");
                // A replica serves READONLY reads only once its initial sync is done (replication.md).
                if (replication.contains("role:slave") && !replication.contains("master_link_status:up")) {
                    return address + " has its master link down";
                }
            } catch (RuntimeException e) {
                return address + ": " + e;
            }
        }
        return null;
    }

    private static boolean knowsAsMasterWithSlots(String clusterNodes, String id) {
        for (String line : clusterNodes.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length >= 9 && f[0].equals(id) && f[2].contains("master")) {
                return true;
            }
        }
        return false;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("slotgate-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("SlotgateClusterFixture: could not delete " + dir + ": " + e);
        }
    }
}
