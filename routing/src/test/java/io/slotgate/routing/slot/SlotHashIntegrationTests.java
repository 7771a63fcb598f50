package io.slotgate.routing.slot;

import io.slotgate.routing.testsupport.FreePorts;
import io.slotgate.routing.testsupport.RedisServerProcess;
import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Our slot function against a real node's CLUSTER KEYSLOT, over many random binary keys. */
class SlotHashIntegrationTests {

    private static final int KEYS = 100_000;
    private static final int BATCH = 5_000;
    private static final byte[] CLUSTER = "CLUSTER".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEYSLOT = "KEYSLOT".getBytes(StandardCharsets.US_ASCII);

    @Test
    void shouldAgreeWithRedisForRandomBinaryKeys() {
        Random random = new Random(20261121);
        byte[][] keys = new byte[KEYS][];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = SlotHashUnitTests.randomKey(random);
        }

        try (RedisServerProcess server = RedisServerProcess.clusterNode(FreePorts.clusterPort());
             RespConnection connection = RespConnection.open(server.port())) {
            for (int from = 0; from < KEYS; from += BATCH) {
                int to = Math.min(KEYS, from + BATCH);
                for (int i = from; i < to; i++) {
                    connection.send(CLUSTER, KEYSLOT, keys[i]);
                }
                connection.flush();
                for (int i = from; i < to; i++) {
                    Object redisSlot = connection.read();

                    assertThat(redisSlot).as("slot of key #%d %s", i, HexFormat.of().formatHex(keys[i]))
                            .isEqualTo((long) SlotHash.slot(keys[i]));
                }
            }
        }
    }

    @Test
    void shouldAgreeWithRedisForTheReferenceVectors() {
        String[] keys = {"123456789", "foo", "bar", "hello", "", "user1000", "{user1000}.following", "{}", "{}bar",
                "foo{}{bar}", "foo{{bar}}zap", "{{bar}}", "{bar", "foo{bar}{zap}", "}{bar}", "{", "{{a}}", "a{}{b}",
                "{a", "}{a}"};

        try (RedisServerProcess server = RedisServerProcess.clusterNode(FreePorts.clusterPort());
             RespConnection connection = RespConnection.open(server.port())) {
            for (String key : keys) {
                assertThat(connection.call("CLUSTER", "KEYSLOT", key)).as(key)
                        .isEqualTo((long) SlotHash.slot(key.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }
}
