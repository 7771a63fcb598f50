package io.slotgate.proxy;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.RedisFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain (non-cluster) Lettuce client sees the proxy as one Redis server holding the whole keyspace. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LettuceClientIntegrationTests {

    /** The servers behind the proxy; one subclass per {@link BackendKind}. */
    abstract BackendKind backend();

    private ProxyUnderTest env;
    private RedisClient client;

    @BeforeAll
    void start() {
        // two event loops, so clients and their backend connections live on different threads
        env = ProxyUnderTest.start(backend(), 0, c -> c, p -> p.workerThreads(2));
        client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(env.proxy.port())
                .withTimeout(Duration.ofSeconds(10)).build());
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.shutdown(0, 2, TimeUnit.SECONDS);
        }
        if (env != null) {
            env.close();
        }
    }

    @Test
    void shouldWorkAsAStandaloneServerForLettuce() {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            assertThat(redis.ping()).isEqualTo("PONG");
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < 200; i++) {
                values.put("lettuce:" + i, "v" + i);
            }
            assertThat(redis.mset(values)).isEqualTo("OK");
            List<KeyValue<String, String>> read = redis.mget(values.keySet().toArray(String[]::new));
            assertThat(read).extracting(KeyValue::getValue).containsExactlyElementsOf(values.values());
            assertThat(redis.incr("lettuce:counter")).isEqualTo(1L);
            assertThat(redis.hset("lettuce:hash", "f", "x")).isTrue();
            assertThat(redis.hget("lettuce:hash", "f")).isEqualTo("x");
            assertThat(redis.del(values.keySet().toArray(String[]::new))).isEqualTo(200L);
        }
    }

    @Test
    void shouldKeepLettucePipelinedRepliesInOrder() throws Exception {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisAsyncCommands<String, String> async = connection.async();
            connection.setAutoFlushCommands(false);
            List<RedisFuture<String>> sets = new ArrayList<>();
            List<RedisFuture<String>> gets = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                sets.add(async.set("lp:" + i, "v" + i));
                gets.add(async.get("lp:" + i));
            }
            connection.flushCommands();
            for (int i = 0; i < 5000; i++) {
                assertThat(sets.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("OK");
                assertThat(gets.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("v" + i);
            }
        }
    }
}
