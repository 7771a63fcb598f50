package io.slotgate.node.command.migration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.RestoreArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.slotgate.node.persistence.rdb.DumpPayload;
import io.slotgate.node.persistence.rdb.RdbInput;
import io.slotgate.node.persistence.rdb.RdbType;
import io.slotgate.node.persistence.rdb.RdbValue;
import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import io.slotgate.node.testsupport.TypedValues;
import io.slotgate.routing.testsupport.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DUMP payloads move both ways between a real redis-server 7.0 and our node, for every type and every encoding
 * Redis picks for it, with TTLs; corrupt payloads get Redis's exact errors on both.
 */
class DumpRestoreIntegrationTests {

    private static RedisServerProcess redis;
    private static NodeHarness node;
    private static RedisClient redisClient;
    private static RedisClient nodeClient;
    private static StatefulRedisConnection<byte[], byte[]> redisConn;
    private static StatefulRedisConnection<byte[], byte[]> nodeConn;

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.standalone();
        node = NodeHarness.start();
        redisClient = RedisClient.create(uri(redis.port()));
        nodeClient = RedisClient.create(uri(node.port()));
        redisConn = redisClient.connect(ByteArrayCodec.INSTANCE);
        nodeConn = nodeClient.connect(ByteArrayCodec.INSTANCE);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {redisConn, nodeConn}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // keep closing the rest
            }
        }
        if (redisClient != null) {
            redisClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (nodeClient != null) {
            nodeClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (node != null) {
            node.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static RedisURI uri(int port) {
        return RedisURI.builder().withHost("127.0.0.1").withPort(port).withTimeout(Duration.ofSeconds(10)).build();
    }

    @BeforeEach
    void flush() {
        redisConn.sync().flushall();
        nodeConn.sync().flushall();
    }

    private static byte[] b(String s) {
        return TypedValues.b(s);
    }

    private static String s(byte[] b) {
        return TypedValues.s(b);
    }

    private static Map<String, String> populate(RedisCommands<byte[], byte[]> r) {
        return TypedValues.populate(r);
    }

    private static String describe(RedisCommands<byte[], byte[]> r, String key) {
        return TypedValues.describe(r, key);
    }

    /** The RDB type byte redis-server 7.0 puts first in DUMP, per encoding it reports. */
    private static final Map<String, Integer> TYPE_BYTE_BY_ENCODING = Map.of(
            "embstr", RdbType.STRING, "int", RdbType.STRING, "raw", RdbType.STRING,
            "quicklist", RdbType.LIST_QUICKLIST_2, "intset", RdbType.SET_INTSET, "hashtable:set", RdbType.SET,
            "listpack:zset", RdbType.ZSET_LISTPACK, "skiplist", RdbType.ZSET_2,
            "listpack:hash", RdbType.HASH_LISTPACK, "hashtable:hash", RdbType.HASH);

    private static int expectedTypeByte(String key, String encoding) {
        Integer t = TYPE_BYTE_BY_ENCODING.get(encoding);
        return t != null ? t : TYPE_BYTE_BY_ENCODING.get(encoding + ":" + key.substring(0, key.indexOf(':')));
    }

    @Test
    void shouldRestoreIntoTheNodeEveryValueRedisDumps() {
        RedisCommands<byte[], byte[]> real = redisConn.sync();
        RedisCommands<byte[], byte[]> ours = nodeConn.sync();
        Map<String, String> keys = populate(real);
        for (Map.Entry<String, String> e : keys.entrySet()) {
            byte[] k = b(e.getKey());
            assertThat(real.objectEncoding(k)).as("Redis encoding of %s", e.getKey()).isEqualTo(e.getValue());
            byte[] payload = real.dump(k);
            assertThat(payload[0] & 0xff).as("type byte of %s", e.getKey())
                    .isEqualTo(expectedTypeByte(e.getKey(), e.getValue()));
            assertThat(ours.restore(k, 0, payload)).isEqualTo("OK");
            assertThat(describe(ours, e.getKey())).as(e.getKey()).isEqualTo(describe(real, e.getKey()));
            assertThat(ours.pttl(k)).isEqualTo(-1L);
        }
    }

    @Test
    void shouldReadTheSeveralCompressedNodesRedisWritesForABigList() throws Exception {
        RedisCommands<byte[], byte[]> real = redisConn.sync();
        populate(real);
        byte[] payload = real.dump(b("list:big"));
        RdbInput in = RdbInput.of(payload, 1, payload.length - 11);
        assertThat(in.readLength()).as("quicklist nodes").isGreaterThan(1);
        assertThat(in.readLength()).as("container of node 1").isEqualTo(2); // packed (listpack)
        assertThat(payload[3] & 0xc0).as("node 1 is an LZF-compressed string").isEqualTo(0xc0);
        assertThat(((RdbValue.ListOf) DumpPayload.read(payload)).elements()).hasSize(3000);
    }

    @Test
    void shouldRestoreIntoRedisEveryValueTheNodeDumps() {
        RedisCommands<byte[], byte[]> real = redisConn.sync();
        RedisCommands<byte[], byte[]> ours = nodeConn.sync();
        Map<String, String> keys = populate(ours);
        for (Map.Entry<String, String> e : keys.entrySet()) {
            byte[] k = b(e.getKey());
            assertThat(real.restore(k, 0, ours.dump(k))).as(e.getKey()).isEqualTo("OK");
            assertThat(describe(real, e.getKey())).as(e.getKey()).isEqualTo(describe(ours, e.getKey()));
            assertThat(real.objectEncoding(k)).as("Redis encoding of %s", e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void shouldKeepTheTtlGivenToRestoreInBothDirections() {
        RedisCommands<byte[], byte[]> real = redisConn.sync();
        RedisCommands<byte[], byte[]> ours = nodeConn.sync();
        real.set(b("from-redis"), b("v"));
        ours.set(b("from-node"), b("v"));

        ours.restore(b("from-redis"), 100_000, real.dump(b("from-redis")));
        real.restore(b("from-node"), 100_000, ours.dump(b("from-node")));

        assertThat(ours.pttl(b("from-redis"))).isBetween(90_000L, 100_000L);
        assertThat(real.pttl(b("from-node"))).isBetween(90_000L, 100_000L);
    }

    @Test
    void shouldTakeAnAbsoluteTtlAndDropAKeyWhoseTimeHasPassed() {
        RedisCommands<byte[], byte[]> ours = nodeConn.sync();
        RedisCommands<byte[], byte[]> real = redisConn.sync();
        real.set(b("k"), b("v"));
        byte[] payload = real.dump(b("k"));
        long at = System.currentTimeMillis() + 50_000;

        ours.restore(b("abs"), payload, RestoreArgs.Builder.ttl(at).absttl());
        assertThat(ours.pexpiretime(b("abs"))).isEqualTo(at);

        assertThat(ours.restore(b("gone"), payload, RestoreArgs.Builder.ttl(1).absttl())).isEqualTo("OK");
        assertThat(real.restore(b("gone"), payload, RestoreArgs.Builder.ttl(1).absttl())).isEqualTo("OK");
        assertThat(ours.exists(b("gone"))).isZero();
        assertThat(real.exists(b("gone"))).isZero();
    }

    @Test
    void shouldReplaceOnlyWhenAsked() {
        for (RedisCommands<byte[], byte[]> r : List.of(redisConn.sync(), nodeConn.sync())) {
            r.set(b("k"), b("old"));
            byte[] payload = r.dump(b("k"));
            r.rpush(b("l"), b("x"));
            assertThatThrownBy(() -> r.restore(b("l"), 0, payload))
                    .isInstanceOf(RedisCommandExecutionException.class)
                    .hasMessage("BUSYKEY Target key name already exists.");
            assertThat(r.restore(b("l"), payload, RestoreArgs.Builder.ttl(0).replace())).isEqualTo("OK");
            assertThat(s(r.get(b("l")))).isEqualTo("old");
        }
    }

    @Test
    void shouldAnswerCorruptPayloadsWithRedisError() {
        byte[] good = redisConn.sync().dump(payloadKey());
        byte[] flipped = good.clone();
        flipped[1] ^= 0x04;
        byte[] newer = good.clone();
        newer[good.length - 10] = 11;
        byte[] truncated = java.util.Arrays.copyOf(good, 5);
        for (byte[] bad : List.of(flipped, newer, truncated)) {
            for (RedisCommands<byte[], byte[]> r : List.of(redisConn.sync(), nodeConn.sync())) {
                assertThatThrownBy(() -> r.restore(b("target"), 0, bad))
                        .isInstanceOf(RedisCommandExecutionException.class)
                        .hasMessage("ERR DUMP payload version or checksum are wrong");
            }
        }
    }

    private byte[] payloadKey() {
        redisConn.sync().set(b("src"), b("some value"));
        return b("src");
    }

    @Test
    void shouldAnswerBadArgumentsAsRedisDoes() {
        redisConn.sync().set(b("exists"), b("1"));
        nodeConn.sync().set(b("exists"), b("1"));
        String[][] cases = {
                {"RESTORE", "new", "-1", "x"},
                {"RESTORE", "new", "abc", "x"},
                {"RESTORE", "exists", "abc", "x"},
                {"RESTORE", "new", "0", "x", "foo"},
                {"RESTORE", "new", "0", "x", "idletime", "-1"},
                {"RESTORE", "new", "0", "x", "freq", "256"},
                {"RESTORE", "new", "0", "x", "idletime", "1", "freq", "2"},
                {"RESTORE", "new", "0", "x", "idletime"},
                {"RESTORE", "new", "0", "x"},
                {"RESTORE", "new", "0"},
                {"RESTORE-ASKING", "new", "0", "x"},
                {"DUMP", "missing"},
                {"DUMP"},
        };
        try (RawRespClient real = RawRespClient.open(redis.port()); RawRespClient ours = node.connect()) {
            for (String[] args : cases) {
                assertThat(ours.call(args)).as(String.join(" ", args)).isEqualTo(real.call(args));
            }
        }
    }

    @Test
    void shouldRestoreThroughRestoreAsking() {
        byte[] payload = redisConn.sync().dump(payloadKey());
        ProtocolKeyword restoreAsking = () -> b("RESTORE-ASKING");
        String reply = nodeConn.sync().dispatch(restoreAsking, new StatusOutput<>(ByteArrayCodec.INSTANCE),
                new CommandArgs<>(ByteArrayCodec.INSTANCE).addKey(b("migrated")).add(0).add(payload));
        assertThat(reply).isEqualTo("OK");
        assertThat(s(nodeConn.sync().get(b("migrated")))).isEqualTo("some value");
    }

    @Test
    void shouldRefuseAPayloadWithAValidChecksumButABadBody() {
        // a stream payload (type 15) with a correct footer: Redis says Bad data format; so do we for types we lack
        byte[] body = {2, 0};
        byte[] payload = java.util.Arrays.copyOf(body, body.length + 10);
        payload[body.length] = 10;
        long crc = io.slotgate.node.persistence.rdb.Crc64.of(payload, 0, body.length + 2);
        for (int i = 0; i < 8; i++) {
            payload[body.length + 2 + i] = (byte) (crc >>> (8 * i));
        }
        for (RedisCommands<byte[], byte[]> r : List.of(redisConn.sync(), nodeConn.sync())) {
            assertThatThrownBy(() -> r.restore(b("empty"), 0, payload))
                    .isInstanceOf(RedisCommandExecutionException.class)
                    .hasMessage("ERR Bad data format");
        }
    }
}
