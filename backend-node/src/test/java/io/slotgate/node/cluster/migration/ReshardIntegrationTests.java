package io.slotgate.node.cluster.migration;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live resharding with Debian's redis-cli (redis-cli-cluster.md §5, §6) of a two-master cluster of full nodes
 * holding 20 000 keys, while a Lettuce cluster client keeps writing new keys and reading old ones: no key may
 * be lost or change, and {@code --cluster check} must be clean afterwards.
 */
class ReshardIntegrationTests {

    private static final int KEYS = 20_000;

    /** Lettuce and Netty log every command at DEBUG without a config; that alone would dominate this test. */
    private static final List<String> CHATTY = List.of("io.lettuce", "io.netty");
    private static final List<ch.qos.logback.classic.Level> savedLevels = new ArrayList<>();

    @TempDir
    Path dir;

    private LiveCluster cluster;
    private RedisClusterClient client;

    @org.junit.jupiter.api.BeforeAll
    static void quietClientLogs() {
        for (String name : CHATTY) {
            var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name);
            savedLevels.add(logger.getLevel());
            logger.setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void restoreClientLogs() {
        for (int i = 0; i < CHATTY.size(); i++) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(CHATTY.get(i)))
                    .setLevel(savedLevels.get(i));
        }
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Runs redis-cli with a hard timeout; output goes through a file so a hung run cannot block the test. */
    private String redisCli(long timeoutSec, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("redis-cli");
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "redis-cli", ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(timeoutSec, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("redis-cli timed out: " + cmd + "\n" + Files.readString(out));
        }
        String output = Files.readString(out);
        assertThat(p.exitValue()).as("redis-cli %s exit code; output:%n%s", args[1], output).isZero();
        return output;
    }

    /** Writes w:0, w:1... and reads random preloaded keys until stopped; remembers every acknowledged write. */
    private static final class Traffic implements Runnable {
        final RedisAdvancedClusterCommands<String, String> sync;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger acked = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

        java.util.function.Supplier<String> diag = () -> "";

        final int keys;

        Traffic(RedisAdvancedClusterCommands<String, String> sync, int keys) {
            this.sync = sync;
            this.keys = keys;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                int i = acked.get();
                try {
                    sync.set("w:" + i, "x:" + i);
                    acked.incrementAndGet();
                    int j = ThreadLocalRandom.current().nextInt(keys);
                    String v = sync.get("k:" + j);
                    reads.incrementAndGet();
                    if (!("v:" + j).equals(v)) {
                        problems.add("k:" + j + " read as " + v);
                    }
                    Thread.sleep(1); // steady traffic, without starving redis-cli of the two cores
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    problems.add(System.nanoTime() / 1_000_000 + " " + e + diag.get());
                }
            }
        }
    }

    @Test
    void shouldReshardAndRebalanceWithRedisCliWhileLettuceWritesAndReads() throws Exception {
        cluster = LiveCluster.start(dir, 2);
        cluster.assign(0, 0, 8191);
        cluster.assign(1, 8192, 16383);
        cluster.awaitOk();
        client = RedisClusterClient.create(RedisURI.create("127.0.0.1", cluster.port(0)));
        client.setOptions(ClusterClientOptions.builder().maxRedirects(10)
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enableAllAdaptiveRefreshTriggers().build())
                .build());
        StatefulRedisClusterConnection<String, String> connection = client.connect();
        long t0 = System.nanoTime();
        preload(connection.async(), KEYS);
        System.out.printf("preload %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        Traffic traffic = new Traffic(client.connect().sync(), KEYS);
        traffic.diag = () -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 2; i++) {
                try (var c = io.slotgate.node.testsupport.RawRespClient.open(cluster.port(i))) {
                    sb.append("\n node").append(i).append(' ').append(cluster.port(i)).append(": ")
                            .append(LiveCluster.bulk(c.call("CLUSTER", "NODES")));
                }
            }
            return sb.toString();
        };
        System.out.printf("start at %d%n", System.nanoTime() / 1_000_000);
        Thread writer = new Thread(traffic, "reshard-traffic");
        writer.start();
        String reshard;
        String rebalance;
        try {
            reshard = redisCli(120, "--cluster", "reshard", cluster.address(0), "--cluster-from", cluster.id(0),
                    "--cluster-to", cluster.id(1), "--cluster-slots", "1000", "--cluster-yes");
            System.out.printf("reshard done at %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            rebalance = redisCli(120, "--cluster", "rebalance", cluster.address(0));
            System.out.printf("rebalance done at %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        } finally {
            traffic.stop.set(true);
            writer.join(10_000);
        }

        assertThat(reshard).contains("Moving slot 999 from " + cluster.id(0));
        assertThat(rebalance).contains("Moving 1000 slots from " + cluster.address(1) + " to " + cluster.address(0));
        assertThat(traffic.problems).isEmpty();
        assertThat(traffic.reads.get()).isPositive();
        assertEveryKeyReadsBack(connection.async(), traffic.acked.get());
        System.out.printf("verified at %d ms; %d writes, %d reads during the moves%n",
                (System.nanoTime() - t0) / 1_000_000, traffic.acked.get(), traffic.reads.get());
        String check = redisCli(30, "--cluster", "check", cluster.address(1));
        assertThat(check).contains("[OK] All nodes agree about slots configuration.",
                "[OK] All 16384 slots covered.");
        assertThat(check).doesNotContain("[WARNING]", "[ERR]");
        assertThat(cluster.myselfLine(0)).doesNotContain("[");
        assertThat(cluster.myselfLine(1)).doesNotContain("[");
    }

    /**
     * The seeds' case (issue 7): one master grows to two and three with add-node + reshard, then shrinks back to
     * one with reshard + del-node, while Lettuce keeps writing and reading; nothing is lost or changed.
     */
    @Test
    void shouldGrowFromOneToThreeMastersAndShrinkBackToOneWhileLettuceWritesAndReads() throws Exception {
        cluster = LiveCluster.start(dir, 3, 1);
        cluster.assign(0, 0, 16383);
        cluster.awaitOk(1);
        client = RedisClusterClient.create(RedisURI.create("127.0.0.1", cluster.port(0)));
        // A MOVED to a node added after the client started must be followed (Lettuce refuses unknown nodes by
        // default), the topology refreshed more often than once per 30 s as nodes come and go, and always read
        // from the node that stays (a deleted node, reset, claims no slot at all).
        client.setOptions(ClusterClientOptions.builder().maxRedirects(10).validateClusterNodeMembership(false)
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder().dynamicRefreshSources(false)
                        .enableAllAdaptiveRefreshTriggers().adaptiveRefreshTriggersTimeout(Duration.ofMillis(500))
                        .build())
                .build());
        StatefulRedisClusterConnection<String, String> connection = client.connect();
        preload(connection.async(), GROW_KEYS);
        Traffic traffic = new Traffic(client.connect().sync(), GROW_KEYS);
        Thread writer = new Thread(traffic, "grow-shrink-traffic");
        writer.start();
        try {
            addMaster(1);
            redisCli(120, "--cluster", "reshard", cluster.address(0), "--cluster-from", cluster.id(0),
                    "--cluster-to", cluster.id(1), "--cluster-slots", "300", "--cluster-yes");
            addMaster(2);
            redisCli(120, "--cluster", "reshard", cluster.address(0), "--cluster-from", "all",
                    "--cluster-to", cluster.id(2), "--cluster-slots", "200", "--cluster-yes");
            assertThat(ownedSlots(1)).isPositive();
            assertThat(ownedSlots(2)).isEqualTo(200);
            for (int gone = 2; gone >= 1; gone--) {
                redisCli(120, "--cluster", "reshard", cluster.address(0), "--cluster-from", cluster.id(gone),
                        "--cluster-to", cluster.id(0), "--cluster-slots", String.valueOf(ownedSlots(gone)),
                        "--cluster-yes");
                awaitCheckClean();
                // A reset node answers CLUSTERDOWN instead of MOVED (as redis-server does), so clients must
                // have learned the new owners first: here a refresh, in production Lettuce's periodic one.
                client.refreshPartitions();
                redisCli(60, "--cluster", "del-node", cluster.address(0), cluster.id(gone));
            }
        } finally {
            traffic.stop.set(true);
            writer.join(10_000);
        }

        assertThat(traffic.problems).isEmpty();
        assertThat(traffic.reads.get()).isPositive();
        assertThat(ownedSlots(0)).isEqualTo(16384);
        client.refreshPartitions(); // the verifying connection was idle while the slots moved
        List<String> wrong = new ArrayList<>();
        check(connection.async(), "k:", "v:", GROW_KEYS, wrong);
        check(connection.async(), "w:", "x:", traffic.acked.get(), wrong);
        assertThat(wrong).isEmpty();
        assertThat(cluster.call(0, "DBSIZE")).isEqualTo(":" + (GROW_KEYS + traffic.acked.get()) + "\r\n");
        assertThat(LiveCluster.bulk(cluster.call(0, "CLUSTER", "NODES")).lines().count()).isEqualTo(1);
        awaitCheckClean();
    }

    private static final int GROW_KEYS = 5_000;

    /**
     * redis-cli add-node as an empty master, then waits until every node agrees and the new one serves: like a
     * new redis-server, it reports cluster_state:fail until the rejoin delay after its last minority evaluation
     * has passed (cluster-engine.md §9), and would answer RESTORE-ASKING with CLUSTERDOWN until then.
     */
    private void addMaster(int i) throws Exception {
        redisCli(60, "--cluster", "add-node", cluster.address(i), cluster.address(0));
        awaitCheckClean();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> LiveCluster.bulk(cluster.call(i, "CLUSTER", "INFO")).contains("cluster_state:ok"));
    }

    private void awaitCheckClean() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String check = redisCli(30, "--cluster", "check", cluster.address(0));
            assertThat(check).contains("[OK] All nodes agree about slots configuration.",
                    "[OK] All 16384 slots covered.").doesNotContain("[WARNING]", "[ERR]");
        });
    }

    /** How many slots node {@code i} claims on its own CLUSTER NODES line. */
    private int ownedSlots(int i) {
        String[] fields = cluster.myselfLine(i).split(" ");
        int n = 0;
        for (int f = 8; f < fields.length; f++) {
            if (fields[f].startsWith("[")) {
                continue;
            }
            String[] range = fields[f].split("-");
            n += range.length == 1 ? 1 : Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        }
        return n;
    }

    private static void preload(RedisAdvancedClusterAsyncCommands<String, String> async, int keys)
            throws Exception {
        List<RedisFuture<String>> pending = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            pending.add(async.set("k:" + i, "v:" + i));
            if (pending.size() == 1000 || i == keys - 1) {
                for (RedisFuture<String> f : pending) {
                    assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("OK");
                }
                pending.clear();
            }
        }
    }

    private void assertEveryKeyReadsBack(RedisAdvancedClusterAsyncCommands<String, String> async, int written)
            throws Exception {
        List<String> wrong = new ArrayList<>();
        check(async, "k:", "v:", KEYS, wrong);
        check(async, "w:", "x:", written, wrong);
        assertThat(wrong).isEmpty();
        long total = 0;
        for (int i = 0; i < 2; i++) {
            String reply = cluster.call(i, "DBSIZE");
            total += Long.parseLong(reply.substring(1).trim());
        }
        assertThat(total).isEqualTo(KEYS + written);
    }

    private static void check(RedisAdvancedClusterAsyncCommands<String, String> async, String keyPrefix,
                              String valuePrefix, int count, List<String> wrong) throws Exception {
        List<RedisFuture<String>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(async.get(keyPrefix + i));
            if (pending.size() == 1000 || i == count - 1) {
                int base = i - pending.size() + 1;
                for (int k = 0; k < pending.size(); k++) {
                    String v = pending.get(k).get(30, TimeUnit.SECONDS);
                    if (!(valuePrefix + (base + k)).equals(v)) {
                        wrong.add(keyPrefix + (base + k) + "=" + v);
                    }
                }
                pending.clear();
            }
        }
    }
}
