package io.slotgate.routing.testsupport;

import io.slotgate.routing.topology.ClusterNodeEntry;
import io.slotgate.routing.topology.ClusterSlotsParser;
import io.slotgate.routing.topology.ClusterNodesParser;
import io.slotgate.routing.topology.NodeFlag;
import io.slotgate.routing.topology.SlotMap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A real Redis cluster for tests: N cluster-mode {@code redis-server}s on free loopback ports, joined by
 * {@code redis-cli --cluster create} (redis-cli-cluster.md), returned once every node reports
 * {@code cluster_state:ok}, all nodes print the same {@code CLUSTER NODES} topology and every replica is listed
 * by {@code CLUSTER SLOTS} (its offset has been gossiped, cluster-protocol.md §6). Close it to stop every server.
 */
public final class RedisClusterFixture implements AutoCloseable {

    /**
     * @param masters           number of masters (redis-cli needs at least 3)
     * @param replicasPerMaster replicas of each master
     * @param serverArgs        extra redis-server arguments for every node, e.g. "--cluster-node-timeout", "1000"
     * @param formTimeout       how long forming and converging may take
     */
    public record Options(int masters, int replicasPerMaster, List<String> serverArgs, Duration formTimeout) {

        public static final int DEFAULT_MASTERS = 3;
        public static final int DEFAULT_REPLICAS_PER_MASTER = 1;
        public static final Duration DEFAULT_FORM_TIMEOUT = Duration.ofSeconds(60);
        public static final Options DEFAULT = new Options(DEFAULT_MASTERS, DEFAULT_REPLICAS_PER_MASTER, List.of(),
                DEFAULT_FORM_TIMEOUT);

        public Options {
            if (masters < 3) {
                throw new IllegalArgumentException("redis-cli --cluster create needs at least 3 masters");
            }
            if (replicasPerMaster < 0) {
                throw new IllegalArgumentException("replicasPerMaster must be >= 0");
            }
            serverArgs = List.copyOf(serverArgs);
        }

        public int nodeCount() {
            return masters * (1 + replicasPerMaster);
        }

        public Options withServerArgs(String... args) {
            return new Options(masters, replicasPerMaster, List.of(args), formTimeout);
        }
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    /**
     * Put before the caller's arguments (which may override them), to form a cluster in seconds: replicas start
     * their first sync at once instead of after the default 5 s diskless-sync delay, and masters PING replicas
     * every second rather than every 10 s. On an idle master only those PINGs move the replication offset, and
     * Redis lists a replica in CLUSTER SLOTS / as online in CLUSTER SHARDS only once its offset is non-zero
     * (cluster-protocol.md §6, §7).
     */
    private static final List<String> BASE_SERVER_ARGS = List.of("--repl-diskless-sync-delay", "0",
            "--repl-ping-replica-period", "1");

    private final Options options;
    private final List<RedisServerProcess> servers;

    private RedisClusterFixture(Options options, List<RedisServerProcess> servers) {
        this.options = options;
        this.servers = List.copyOf(servers);
    }

    /** Starts {@code masters} masters with {@code replicasPerMaster} replicas each. */
    public static RedisClusterFixture start(int masters, int replicasPerMaster, String... serverArgs) {
        return start(new Options(masters, replicasPerMaster, List.of(serverArgs), Options.DEFAULT_FORM_TIMEOUT));
    }

    public static RedisClusterFixture start(Options options) {
        long start = System.nanoTime();
        List<RedisServerProcess> servers = new ArrayList<>();
        try {
            Set<Integer> taken = new HashSet<>();
            for (int i = 0; i < options.nodeCount(); i++) {
                servers.add(startNode(options, taken));
            }
            long t0 = System.nanoTime();
            RedisClusterFixture cluster = new RedisClusterFixture(options, servers);
            cluster.create();
            long t1 = System.nanoTime();
            cluster.awaitConsistent(options.formTimeout());
            long t2 = System.nanoTime();
            System.out.printf("RedisClusterFixture %s: started in %d ms, created in %d ms, converged in %d ms%n",
                    cluster.addresses(), (t0 - start) / 1_000_000, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            return cluster;
        } catch (RuntimeException | Error e) {
            servers.forEach(RedisServerProcess::close);
            throw e;
        }
    }

    /** Starts one node, trying another port if a parallel test took the chosen one meanwhile. */
    private static RedisServerProcess startNode(Options options, Set<Integer> taken) {
        List<String> args = new ArrayList<>(BASE_SERVER_ARGS);
        args.addAll(options.serverArgs());
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return RedisServerProcess.clusterNode(FreePorts.distinctClusterPort(taken), args.toArray(String[]::new));
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        throw failure;
    }

    public Options options() {
        return options;
    }

    /**
     * All servers, in the order given to {@code redis-cli --cluster create}; with one host it makes the first
     * {@code masters} of them masters (redis-cli-cluster.md), until a test fails one over.
     */
    public List<RedisServerProcess> servers() {
        return servers;
    }

    public RedisServerProcess server(int index) {
        return servers.get(index);
    }

    public List<Integer> ports() {
        return servers.stream().map(RedisServerProcess::port).toList();
    }

    /** "127.0.0.1:port" of every node, as MOVED and CLUSTER NODES name them. */
    public List<String> addresses() {
        return servers.stream().map(RedisServerProcess::address).toList();
    }

    /** The current topology as node {@code index} reports it in {@code CLUSTER SLOTS}. */
    public SlotMap slotMap(int index) {
        try (RespConnection c = connect(index)) {
            return ClusterSlotsParser.parse(c.call("CLUSTER", "SLOTS"), "127.0.0.1");
        }
    }

    /** A new connection to node {@code index}; the caller closes it. */
    public RespConnection connect(int index) {
        return RespConnection.open(servers.get(index).port());
    }

    /**
     * Waits until every node reports {@code cluster_state:ok}, all print the same topology with no failing or
     * handshaking node, and each node's {@code CLUSTER SLOTS} lists all nodes. Call again after changing the
     * cluster.
     */
    public void awaitConsistent(Duration timeout) {
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
    public void close() {
        servers.forEach(RedisServerProcess::close);
    }

    private void create() {
        List<String> args = new ArrayList<>(List.of("--cluster", "create"));
        args.addAll(addresses());
        args.addAll(List.of("--cluster-replicas", String.valueOf(options.replicasPerMaster()), "--cluster-yes"));
        RedisCli.Result result = RedisCli.run(options.formTimeout().toSeconds(), args.toArray(String[]::new));
        if (result.exitCode() != 0 || !result.output().contains("All 16384 slots covered")) {
            throw new IllegalStateException("redis-cli --cluster create failed (exit " + result.exitCode() + "):\n"
                    + result.output());
        }
    }

    /** What still keeps the cluster from being consistent, or null if it is. */
    private String problem() {
        Set<String> firstView = null;
        for (RedisServerProcess server : servers) {
            try (RespConnection c = RespConnection.open(server.port())) {
                if (!c.callText("CLUSTER", "INFO").contains("cluster_state:ok")) {
                    return server.address() + " is not cluster_state:ok";
                }
                List<ClusterNodeEntry> nodes = ClusterNodesParser.parse(c.callText("CLUSTER", "NODES"));
                if (nodes.size() != servers.size()) {
                    return server.address() + " knows " + nodes.size() + " nodes";
                }
                for (ClusterNodeEntry n : nodes) {
                    if (!n.isUsable() || !(n.isMaster() || n.isReplica())) {
                        return server.address() + " sees " + n.address() + " as " + n.flags();
                    }
                }
                Set<String> view = nodes.stream().map(RedisClusterFixture::viewLine)
                        .collect(Collectors.toCollection(TreeSet::new));
                if (firstView == null) {
                    firstView = view;
                } else if (!firstView.equals(view)) {
                    return server.address() + " disagrees: " + view + " vs " + firstView;
                }
                int listed = ClusterPolling.countSlotsNodes(c.call("CLUSTER", "SLOTS"));
                if (listed != servers.size()) {
                    return server.address() + " lists " + listed + " nodes in CLUSTER SLOTS";
                }
            } catch (RuntimeException e) {
                return server.address() + ": " + e;
            }
        }
        return null;
    }

    /** The parts of a CLUSTER NODES line every node must agree on. */
    private static String viewLine(ClusterNodeEntry n) {
        return n.id() + " " + n.address() + " " + (n.isMaster() ? "master" : "replica-of-" + n.masterId()) + " "
                + n.slots() + (n.has(NodeFlag.NOFAILOVER) ? " nofailover" : "");
    }
}
