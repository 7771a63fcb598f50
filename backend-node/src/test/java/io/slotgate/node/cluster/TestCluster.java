package io.slotgate.node.cluster;

import io.slotgate.routing.resp.RespRequest;
import io.slotgate.routing.testsupport.FreePorts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** In-process cluster managers on free loopback ports, each with its own nodes.conf; closes them all. */
final class TestCluster implements AutoCloseable {

    /** Short enough that forced pings (every timeout / 2) keep tests quick. */
    static final long NODE_TIMEOUT_MS = 2000;

    final List<ClusterManager> managers = new ArrayList<>();
    final List<ClusterOptions> options = new ArrayList<>();
    final List<InMemoryKeyspace> keyspaces = new ArrayList<>();
    final List<RecordingReplication> replications = new ArrayList<>();
    private final Path dir;
    private final long nodeTimeoutMs;
    private final UnaryOperator<ClusterOptions> customize;

    TestCluster(Path dir) {
        this(dir, NODE_TIMEOUT_MS, o -> o);
    }

    /** @param customize applied to every node's options (e.g. failover settings) */
    TestCluster(Path dir, long nodeTimeoutMs, UnaryOperator<ClusterOptions> customize) {
        this.dir = dir;
        this.nodeTimeoutMs = nodeTimeoutMs;
        this.customize = customize;
    }

    /** Starts {@code n} more fresh nodes. */
    TestCluster start(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            int port = FreePorts.clusterPort();
            ClusterOptions o = ClusterOptions.forPort(port)
                    .withBindAddress("127.0.0.1")
                    .withNodeTimeoutMs(nodeTimeoutMs)
                    .withConfigFile(dir.resolve("nodes-" + port + ".conf"));
            options.add(customize.apply(o));
            keyspaces.add(new InMemoryKeyspace());
            replications.add(new RecordingReplication());
            managers.add(null);
            startNode(managers.size() - 1);
        }
        return this;
    }

    void startNode(int i) throws Exception {
        ClusterManager m = new ClusterManager(options.get(i), keyspaces.get(i), replications.get(i));
        m.start();
        managers.set(i, m);
    }

    void stopNode(int i) {
        managers.get(i).close();
    }

    RecordingReplication replication(int i) {
        return replications.get(i);
    }

    ClusterManager node(int i) {
        return managers.get(i);
    }

    int port(int i) {
        return options.get(i).port();
    }

    String id(int i) {
        return node(i).view().myId();
    }

    /** Runs a CLUSTER command and decodes the reply. */
    Object call(int i, String... args) throws Exception {
        return call(node(i), args);
    }

    static Object call(ClusterManager m, String... args) throws Exception {
        String[] full = new String[args.length + 1];
        full[0] = "CLUSTER";
        System.arraycopy(args, 0, full, 1, args.length);
        RespRequest req = RespRequest.of(full);
        try {
            return Resp.parse(m.execute(req).toCompletableFuture().get(5, TimeUnit.SECONDS));
        } finally {
            req.release();
        }
    }

    String nodes(int i) throws Exception {
        return (String) call(i, "NODES");
    }

    /** Node ids this node knows, handshake entries excluded. */
    List<String> knownIds(int i) throws Exception {
        return Arrays.stream(nodes(i).split("\n"))
                .filter(l -> !l.contains("handshake"))
                .map(l -> l.split(" ")[0])
                .sorted()
                .collect(Collectors.toList());
    }

    /** redis-cli's consistency signature (redis-cli-cluster.md §0.5). */
    String slotSignature(int i) throws Exception {
        List<String> parts = new ArrayList<>();
        for (String line : nodes(i).split("\n")) {
            String[] t = line.split(" ");
            List<String> slots = new ArrayList<>();
            for (int j = 8; j < t.length; j++) {
                if (!t[j].startsWith("[")) {
                    slots.add(t[j]);
                }
            }
            if (!slots.isEmpty()) {
                slots.sort(null);
                parts.add(t[0] + ":" + String.join(",", slots));
            }
        }
        parts.sort(null);
        return String.join("|", parts);
    }

    /** The CLUSTER NODES line of {@code id} as node {@code i} sees it. */
    String lineAbout(int i, String id) throws Exception {
        for (String line : nodes(i).split("\n")) {
            if (line.startsWith(id + " ")) {
                return line;
            }
        }
        return null;
    }

    @Override
    public void close() {
        for (ClusterManager m : managers) {
            if (m != null) {
                m.close();
            }
        }
    }
}
