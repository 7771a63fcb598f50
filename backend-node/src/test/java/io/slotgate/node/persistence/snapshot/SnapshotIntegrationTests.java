package io.slotgate.node.persistence.snapshot;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.slotgate.node.Node;
import io.slotgate.node.NodeOptions;
import io.slotgate.node.NodeOptionsParser;
import io.slotgate.node.testsupport.RawRespClient;
import io.slotgate.node.testsupport.TypedValues;
import io.slotgate.routing.slot.SlotHash;
import io.slotgate.routing.testsupport.FreePorts;
import io.slotgate.routing.testsupport.RedisServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Point-in-time snapshots: SAVE / BGSAVE / LASTSAVE, a Redis 7.0 dump.rdb loaded at start (keys in slots the node
 * does not own are claimed or set IMPORTING, never dropped), and LOADING while a data set loads.
 */
class SnapshotIntegrationTests {

    @TempDir
    Path dir;

    private static NodeOptions options(Path dir, int port, String... extra) {
        List<String> args = new ArrayList<>(List.of("--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--io-threads", "2", "--dir", dir.toString(), "--cluster-node-timeout", "3000"));
        args.addAll(List.of(extra));
        return NodeOptionsParser.parse(args);
    }

    @Test
    void shouldSaveInBackgroundAndAnswerLoadingWhileTheSnapshotLoadsAtStart() throws Exception {
        int port = FreePorts.clusterPort();
        NodeOptions o = options(dir, port, "--cluster-enabled", "no");
        try (Node node = Node.start(o); RawRespClient c = RawRespClient.open(node.port())) {
            for (int i = 0; i < 3000; i++) {
                c.send("SET", "key:" + i, "value:" + i);
            }
            for (int i = 0; i < 3000; i++) {
                c.read();
            }
            long before = Long.parseLong(c.call("LASTSAVE").substring(1).trim());
            Thread.sleep(1100);
            assertThat(c.call("INFO", "persistence")).contains("rdb_changes_since_last_save:0");
            assertThat(c.call("BGSAVE")).isEqualTo("+Background saving started\r\n");
            await().atMost(Duration.ofSeconds(30)).until(() -> c.call("INFO", "persistence")
                    .contains("rdb_bgsave_in_progress:0"));
            assertThat(c.call("INFO", "persistence")).contains("rdb_last_bgsave_status:ok");
            assertThat(Long.parseLong(c.call("LASTSAVE").substring(1).trim())).isGreaterThan(before);
            c.call("SET", "key:extra", "x");
            assertThat(c.call("SAVE")).isEqualTo("+OK\r\n");
        }
        assertThat(dir.resolve("dump.rdb")).exists();
        // 3001 keys at 1 ms each: about 3 s of LOADING
        NodeOptions slow = options(dir, port, "--cluster-enabled", "no", "--key-load-delay", "1000");
        CompletableFuture<Node> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return Node.start(slow);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (RawRespClient c = awaitConnect(port)) {
            assertThat(c.call("GET", "key:1")).isEqualTo("-LOADING Redis is loading the dataset in memory\r\n");
            assertThat(c.call("INFO", "persistence")).contains("loading:1");
            try (Node node = starting.get()) {
                assertThat(c.call("DBSIZE")).isEqualTo(":3001\r\n");
                assertThat(c.call("GET", "key:2999")).isEqualTo("$10\r\nvalue:2999\r\n");
                assertThat(c.call("INFO", "persistence")).contains("loading:0");
            }
        } finally {
            starting.thenAccept(Node::close);
        }
    }

    private static RawRespClient awaitConnect(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                return RawRespClient.open(port);
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    /** A real redis-server 7.0 with keys of every type (and many plain ones), SAVEd; returns the file. */
    private Map<String, String> redisDump(Path target, int extraKeys) throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        try (RedisServerProcess redis = RedisServerProcess.standalone()) {
            RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", redis.port()));
            try (StatefulRedisConnection<byte[], byte[]> conn = client.connect(ByteArrayCodec.INSTANCE)) {
                RedisCommands<byte[], byte[]> r = conn.sync();
                for (String key : TypedValues.populate(r).keySet()) {
                    expected.put(key, TypedValues.describe(r, key));
                }
                r.set(TypedValues.b("with:ttl"), TypedValues.b("t"));
                r.pexpire(TypedValues.b("with:ttl"), 600_000);
                for (int i = 0; i < extraKeys; i++) {
                    r.set(TypedValues.b("plain:" + i), TypedValues.b("p" + i));
                }
                assertThat(r.save()).isEqualTo("OK");
            } finally {
                client.shutdown();
            }
            Files.copy(redis.dir().resolve("dump.rdb"), target);
        }
        return expected;
    }

    @Test
    void shouldLoadARedisDumpAndClaimTheUnassignedSlotsItsKeysUse() throws Exception {
        Map<String, String> expected = redisDump(dir.resolve("dump.rdb"), 200);
        int port = FreePorts.clusterPort();
        try (Node node = Node.start(options(dir, port, "--cluster-require-full-coverage", "no"))) {
            RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", node.port()));
            try (StatefulRedisConnection<byte[], byte[]> conn = client.connect(ByteArrayCodec.INSTANCE)) {
                RedisCommands<byte[], byte[]> r = conn.sync();
                await().atMost(Duration.ofSeconds(30)).until(() -> r.clusterInfo().contains("cluster_state:ok"));
                assertThat(r.dbsize()).isEqualTo(expected.size() + 201L);
                for (var e : expected.entrySet()) {
                    assertThat(TypedValues.describe(r, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
                }
                assertThat(r.pttl(TypedValues.b("with:ttl"))).isBetween(1L, 600_000L);
                String nodes = r.clusterNodes();
                assertThat(nodes).contains("myself");
                long slotsWithKeys = expected.keySet().stream().map(k -> SlotHash.slot(TypedValues.b(k)))
                        .distinct().count();
                assertThat(r.clusterInfo()).contains("cluster_slots_assigned:");
                int assigned = Integer.parseInt(r.clusterInfo().replaceAll("(?s).*cluster_slots_assigned:(\\d+).*",
                        "$1"));
                assertThat(assigned).isGreaterThanOrEqualTo((int) slotsWithKeys).isLessThan(16384);
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void shouldSetSlotsOwnedByAnotherNodeImportingWhenItsDumpHasTheirKeys() throws Exception {
        Path dirA = Files.createDirectories(dir.resolve("a"));
        Path dirB = Files.createDirectories(dir.resolve("b"));
        int portA = FreePorts.clusterPort();
        int portB = FreePorts.clusterPort();
        NodeOptions optA = options(dirA, portA);
        NodeOptions optB = options(dirB, portB);
        try (Node a = Node.start(optA)) {
            String idA;
            try (Node b = Node.start(optB); RawRespClient ca = RawRespClient.open(portA);
                 RawRespClient cb = RawRespClient.open(portB)) {
                ca.call("CLUSTER", "ADDSLOTSRANGE", "0", "8191");
                cb.call("CLUSTER", "ADDSLOTSRANGE", "8192", "16383");
                ca.call("CLUSTER", "MEET", "127.0.0.1", String.valueOf(portB), String.valueOf(portB + 10000));
                await().atMost(Duration.ofSeconds(30)).until(() -> cb.call("CLUSTER", "INFO")
                        .contains("cluster_state:ok") && cb.call("CLUSTER", "INFO").contains("cluster_known_nodes:2"));
                idA = ca.call("CLUSTER", "MYID").split("\r\n")[1];
            }
            Map<String, String> typed = redisDump(dirB.resolve("dump.rdb"), 300);
            long keysInA;
            try (Node b = Node.start(optB); RawRespClient cb = RawRespClient.open(portB)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> cb.call("CLUSTER", "INFO")
                        .contains("cluster_state:ok"));
                assertThat(cb.call("DBSIZE")).as("every key kept").isEqualTo(":" + (typed.size() + 301) + "\r\n");
                String nodes = cb.call("CLUSTER", "NODES");
                String myself = nodes.lines().filter(l -> l.contains("myself")).findFirst().orElseThrow();
                assertThat(myself).contains("-<-" + idA);
                assertThat(myself).contains("8192-16383");
                int slot = SlotHash.slot(TypedValues.b("plain:0"));
                String key = "plain:0";
                for (int i = 0; slot >= 8192; i++) {
                    key = "plain:" + i;
                    slot = SlotHash.slot(TypedValues.b(key));
                }
                assertThat(myself).contains("[" + slot + "-<-" + idA + "]");
                assertThat(cb.call("GET", key)).startsWith("-MOVED " + slot);
                cb.call("ASKING");
                assertThat(cb.call("GET", key)).isEqualTo("$" + ("p" + key.substring(6)).length() + "\r\np"
                        + key.substring(6) + "\r\n");
                keysInA = Long.parseLong(cb.call("CLUSTER", "COUNTKEYSINSLOT", String.valueOf(slot)).substring(1)
                        .trim());
            }
            assertThat(keysInA).isPositive();
        }
    }
}
