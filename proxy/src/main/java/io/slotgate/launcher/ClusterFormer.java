package io.slotgate.launcher;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Forms a cluster by hand the way the runbook teaches it: CLUSTER MEET every node to the first, ADDSLOTSRANGE
 * an even share to each master, CLUSTER REPLICATE the rest, then wait for cluster_state:ok everywhere.
 */
final class ClusterFormer implements AutoCloseable {

    private static final int SLOTS = 16384;

    private final ClientResources resources = DefaultClientResources.builder().ioThreadPoolSize(2)
            .computationThreadPoolSize(2).build();
    private final List<RedisClient> clients = new ArrayList<>();
    private final List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
    private final List<RedisCommands<String, String>> nodes = new ArrayList<>();
    private final List<Integer> ports;
    private final PrintStream progress;

    ClusterFormer(List<Integer> ports, PrintStream progress) {
        this.ports = List.copyOf(ports);
        this.progress = progress;
        for (int port : ports) {
            RedisClient client = RedisClient.create(resources,
                    RedisURI.builder().withHost("127.0.0.1").withPort(port).withTimeout(Duration.ofSeconds(10)).build());
            clients.add(client);
            StatefulRedisConnection<String, String> c = client.connect();
            connections.add(c);
            nodes.add(c.sync());
        }
    }

    /** True when no node knows another and no slot is assigned: a brand-new set of nodes. */
    boolean isNew() {
        for (RedisCommands<String, String> n : nodes) {
            String info = n.clusterInfo();
            if (field(info, "cluster_known_nodes") != 1 || field(info, "cluster_slots_assigned") != 0) {
                return false;
            }
        }
        return true;
    }

    void form(int masters, Duration timeout) throws InterruptedException {
        RedisCommands<String, String> first = nodes.get(0);
        progress.println("slotgate local: meeting " + nodes.size() + " nodes");
        for (int i = 1; i < nodes.size(); i++) {
            first.clusterMeet("127.0.0.1", ports.get(i));
        }
        awaitAll(info -> field(info, "cluster_known_nodes") == nodes.size(), timeout, "all nodes to know each other");
        progress.println("slotgate local: assigning slots to " + masters + " masters");
        for (int m = 0; m < masters; m++) {
            int start = m * SLOTS / masters;
            int end = (m + 1) * SLOTS / masters - 1;
            nodes.get(m).clusterAddSlotsRange(Range.create(start, end));
        }
        List<String> masterIds = new ArrayList<>();
        for (int m = 0; m < masters; m++) {
            masterIds.add(nodes.get(m).clusterMyId());
        }
        awaitReplicasSeeMasters(masters, masterIds, timeout);
        for (int r = masters; r < nodes.size(); r++) {
            String masterId = masterIds.get((r - masters) % masters);
            nodes.get(r).clusterReplicate(masterId);
        }
    }

    /** A replica can only REPLICATE a node it already knows as a master that owns slots. */
    private void awaitReplicasSeeMasters(int masters, List<String> masterIds, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int r = masters; r < nodes.size(); r++) {
            RedisCommands<String, String> replica = nodes.get(r);
            while (!masterIds.stream().allMatch(id -> knowsAsMasterWithSlots(replica.clusterNodes(), id))) {
                checkDeadline(deadline, "replicas to learn the masters' slots");
                Thread.sleep(100);
            }
        }
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

    void awaitClusterOk(Duration timeout) throws InterruptedException {
        awaitAll(info -> info.contains("cluster_state:ok"), timeout, "cluster_state:ok on every node");
    }

    private void awaitAll(Predicate<String> ok, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (RedisCommands<String, String> n : nodes) {
            while (!ok.test(n.clusterInfo())) {
                checkDeadline(deadline, what);
                progress.print('.');
                progress.flush();
                Thread.sleep(200);
            }
        }
        progress.println();
    }

    private static void checkDeadline(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("timed out waiting for " + what);
        }
    }

    static int field(String clusterInfo, String name) {
        for (String line : clusterInfo.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return Integer.parseInt(line.substring(name.length() + 1).trim());
            }
        }
        return -1;
    }

    @Override
    public void close() {
        connections.forEach(StatefulRedisConnection::close);
        clients.forEach(RedisClient::shutdown);
        resources.shutdown();
    }
}
