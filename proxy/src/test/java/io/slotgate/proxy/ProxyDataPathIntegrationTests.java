package io.slotgate.proxy;

import io.slotgate.routing.resp.RespError;
import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProxyDataPathIntegrationTests {

    /** The servers behind the proxy; one subclass per {@link BackendKind}. */
    abstract BackendKind backend();

    private ProxyUnderTest env;

    @BeforeAll
    void startClusterAndProxy() {
        env = ProxyUnderTest.start(backend());
    }

    @AfterAll
    void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void shouldStoreAndReadKeysOfEverySlotRange() {
        try (RespConnection c = env.connect()) {
            for (int i = 0; i < 300; i++) {
                assertThat(c.call("SET", "key:" + i, "value:" + i)).isEqualTo("OK");
            }
            for (int i = 0; i < 300; i++) {
                assertThat(RespConnection.text(c.call("GET", "key:" + i))).isEqualTo("value:" + i);
            }
        }
    }

    @Test
    void shouldAnswerAPipelineOfHundredThousandMixedCommandsInOrder() {
        int n = 100_000;
        try (RespConnection c = env.connect()) {
            for (int i = 0; i < n; i++) {
                switch (i % 4) {
                    case 0 -> c.send("SET", "p:" + i, "v" + i);
                    case 1 -> c.send("GET", "p:" + (i - 1));
                    case 2 -> c.send("ECHO", "e" + i);
                    default -> c.send("INCR", "counter:{" + (i % 97) + "}");
                }
            }
            c.flush();
            List<Object> replies = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                replies.add(c.read());
            }
            for (int i = 0; i < n; i++) {
                Object r = replies.get(i);
                switch (i % 4) {
                    case 0 -> assertThat(r).as("reply %d", i).isEqualTo("OK");
                    case 1 -> assertThat(RespConnection.text(r)).as("reply %d", i).isEqualTo("v" + (i - 1));
                    case 2 -> assertThat(RespConnection.text(r)).as("reply %d", i).isEqualTo("e" + i);
                    default -> assertThat(r).as("reply %d", i).isInstanceOf(Long.class);
                }
            }
        }
    }

    @Test
    void shouldRejectCrossSlotCommandsThatCannotBeSplit() {
        try (RespConnection c = env.connect()) {
            assertThat(c.call("SUNION", "a", "b")).isEqualTo(
                    new RespError("CROSSSLOT Keys in request don't hash to the same slot"));
            assertThat(c.call("MSETNX", "a", "1", "b", "2")).isEqualTo(
                    new RespError("CROSSSLOT Keys in request don't hash to the same slot"));
            assertThat(c.call("MSETNX", "{t}a", "1", "{t}b", "2")).isEqualTo(1L);
        }
    }
}
