package io.slotgate.proxy;

import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MultiKeyIntegrationTests {

    /** The servers behind the proxy; one subclass per {@link BackendKind}. */
    abstract BackendKind backend();

    private ProxyUnderTest env;

    @BeforeAll
    void startClusterAndProxy() {
        env = ProxyUnderTest.start(backend(), 0, c -> c, p -> p);
    }

    @AfterAll
    void stop() {
        if (env != null) {
            env.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 100, 1000})
    void shouldSplitMultiKeyCommandsAcrossSlotsAndMergeInTheClientsOrder(int n) {
        String prefix = "mk" + n + ":";
        try (RespConnection c = env.connect()) {
            List<String> msetArgs = new ArrayList<>(List.of("MSET"));
            for (int i = 0; i < n; i++) {
                msetArgs.add(prefix + i);
                msetArgs.add("value-" + i);
            }
            assertThat(c.call(msetArgs.toArray(String[]::new))).isEqualTo("OK");

            // Every other key is missing, so MGET must keep nulls in place.
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                keys.add(prefix + i);
                keys.add(prefix + "missing:" + i);
            }
            List<?> values = (List<?>) c.call(withCommand("MGET", keys));
            assertThat(values).hasSize(2 * n);
            for (int i = 0; i < n; i++) {
                assertThat(RespConnection.text(values.get(2 * i))).isEqualTo("value-" + i);
                assertThat(values.get(2 * i + 1)).isNull();
            }

            assertThat(c.call(withCommand("EXISTS", keys))).isEqualTo((long) n);
            assertThat(c.call(withCommand("TOUCH", keys))).isEqualTo((long) n);
            List<String> firstHalf = keys.subList(0, n);
            long expectedFirstHalf = (n + 1) / 2;
            assertThat(c.call(withCommand("DEL", firstHalf))).isEqualTo(expectedFirstHalf);
            assertThat(c.call(withCommand("UNLINK", keys))).isEqualTo(n - expectedFirstHalf);
            assertThat(c.call(withCommand("EXISTS", keys))).isEqualTo(0L);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 50})
    void shouldCountRepeatedKeysAsRedisDoes(int repeats) {
        try (RespConnection c = env.connect()) {
            c.call("SET", "rep:a", "1");
            c.call("SET", "rep:b", "1");
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                keys.add("rep:a");
                keys.add("rep:b");
            }
            assertThat(c.call(withCommand("EXISTS", keys))).isEqualTo(2L * repeats);
            assertThat(c.call(withCommand("DEL", keys))).isEqualTo(2L);
        }
    }

    private static String[] withCommand(String command, List<String> keys) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(keys);
        return args.toArray(String[]::new);
    }
}
