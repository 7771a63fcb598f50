package io.slotgate.node.persistence.rdb;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.TypedValues;
import io.slotgate.routing.testsupport.FreePorts;
import io.slotgate.routing.testsupport.RedisServerProcess;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import static io.slotgate.node.testsupport.TypedValues.b;
import static org.assertj.core.api.Assertions.assertThat;

/** Whole RDB files between a real redis-server 7.0 and our node: its dump.rdb loads here, ours loads there. */
class RdbFileIntegrationTests {

    private static final long FAR = 4_000_000_000_000L;

    /** Runs {@code body} with binary Lettuce connections to both servers. */
    private static void withClients(int redisPort, int nodePort,
                                    BiConsumer<RedisCommands<byte[], byte[]>, RedisCommands<byte[], byte[]>> body) {
        RedisClient redis = RedisClient.create(uri(redisPort));
        RedisClient node = RedisClient.create(uri(nodePort));
        try (StatefulRedisConnection<byte[], byte[]> r = redis.connect(ByteArrayCodec.INSTANCE);
             StatefulRedisConnection<byte[], byte[]> n = node.connect(ByteArrayCodec.INSTANCE)) {
            body.accept(r.sync(), n.sync());
        } finally {
            redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            node.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static RedisURI uri(int port) {
        return RedisURI.builder().withHost("127.0.0.1").withPort(port).withTimeout(Duration.ofSeconds(10)).build();
    }

    private static void assertSameKeys(Map<String, String> keys, RedisCommands<byte[], byte[]> expected,
                                       RedisCommands<byte[], byte[]> actual) {
        assertThat(actual.dbsize()).isEqualTo(expected.dbsize());
        for (String key : keys.keySet()) {
            assertThat(TypedValues.describe(actual, key)).as(key).isEqualTo(TypedValues.describe(expected, key));
            assertThat(actual.pexpiretime(b(key))).as("expiry of %s", key)
                    .isEqualTo(expected.pexpiretime(b(key)));
        }
    }

    @Test
    void shouldLoadTheDumpRdbRedisSaves() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.standalone(); NodeHarness node = NodeHarness.start()) {
            withClients(redis.port(), node.port(), (real, ours) -> {
                Map<String, String> keys = TypedValues.populate(real);
                real.pexpireat(b("str:raw"), FAR);
                real.pexpireat(b("zset:big"), FAR + 1);
                assertThat(real.save()).isEqualTo("OK");

                RdbFileReader.Summary summary;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(redis.dir().resolve("dump.rdb")))) {
                    summary = KeyspaceRdb.loadFile(node.node().context().keyspace(), in);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                assertThat(summary.version()).isEqualTo(10);
                assertThat(summary.aux()).containsEntry("redis-ver", "7.0.15");
                assertThat(summary.keys()).isEqualTo(keys.size());

                assertSameKeys(keys, real, ours);
                assertThat(ours.pexpiretime(b("zset:big"))).isEqualTo(FAR + 1);
            });
        }
    }

    @Test
    void shouldWriteAFileRedisLoadsAtStartup() throws Exception {
        Path dir = Files.createTempDirectory("slotgate-rdb-");
        try (NodeHarness node = NodeHarness.start()) {
            Map<String, String> keys;
            RedisClient client = RedisClient.create(uri(node.port()));
            try (StatefulRedisConnection<byte[], byte[]> c = client.connect(ByteArrayCodec.INSTANCE)) {
                keys = TypedValues.populate(c.sync());
                c.sync().pexpireat(b("hash:small"), FAR);
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("ours.rdb")))) {
                assertThat(KeyspaceRdb.writeFile(node.node().context().keyspace(), out, System.currentTimeMillis())
                        .orTimeout(10, TimeUnit.SECONDS).join()).isEqualTo(keys.size());
            }
            try (RedisServerProcess redis = RedisServerProcess.start(FreePorts.any(), "--dir", dir.toString(),
                    "--dbfilename", "ours.rdb")) {
                withClients(redis.port(), node.port(), (real, ours) -> {
                    assertSameKeys(keys, ours, real);
                    assertThat(real.pexpiretime(b("hash:small"))).isEqualTo(FAR);
                });
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
