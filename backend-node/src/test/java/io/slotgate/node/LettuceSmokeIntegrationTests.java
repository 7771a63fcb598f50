package io.slotgate.node;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.slotgate.node.testsupport.NodeHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A stock Lettuce client (non-cluster) handshakes with the node and runs everyday commands. */
class LettuceSmokeIntegrationTests {

    @Test
    void shouldServeLettuceCommands() {
        try (NodeHarness node = NodeHarness.start()) {
            RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(node.port())
                    .withTimeout(Duration.ofSeconds(5)).build());
            try (StatefulRedisConnection<String, String> conn = client.connect()) {
                RedisCommands<String, String> r = conn.sync();
                assertThat(r.ping()).isEqualTo("PONG");
                assertThat(r.set("greeting", "hello")).isEqualTo("OK");
                assertThat(r.get("greeting")).isEqualTo("hello");
                assertThat(r.incr("counter")).isEqualTo(1L);
                r.hset("user:{1}", Map.of("name", "ada", "lang", "en"));
                assertThat(r.hgetall("user:{1}")).containsEntry("name", "ada").containsEntry("lang", "en");
                r.rpush("list", "a", "b", "c");
                assertThat(r.lrange("list", 0, -1)).isEqualTo(List.of("a", "b", "c"));
                r.zadd("scores", 2.5, "x");
                assertThat(r.zscore("scores", "x")).isEqualTo(2.5);
                assertThat(r.expire("greeting", 100)).isTrue();
                assertThat(r.ttl("greeting")).isBetween(99L, 100L);
                r.multi();
                r.set("{tx}a", "1");
                r.incr("{tx}a");
                assertThat(r.exec().wasDiscarded()).isFalse();
                assertThat(r.get("{tx}a")).isEqualTo("2");
                assertThat(r.dbsize()).isEqualTo(6L);
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        }
    }
}
