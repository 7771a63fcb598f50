package io.slotgate.node.command;

import io.slotgate.node.testsupport.CommandLines;
import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import io.slotgate.node.testsupport.RedisReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives a real redis-server 7.0 (cluster mode, all slots) and our node with the same command sequences and
 * compares every reply byte for byte. A command written with a leading "~" has an unordered array reply; its
 * elements are compared as sorted lists.
 */
class CommandCompatibilityIntegrationTests {

    private static RedisReference redis;
    private static NodeHarness node;

    @BeforeAll
    static void start() {
        redis = RedisReference.start();
        node = NodeHarness.start();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> shouldAnswerLikeRedis() {
        return CompatibilityCases.ALL.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> runFamily(e.getValue())));
    }

    private static void runFamily(List<String> lines) {
        try (RawRespClient expected = redis.connect(); RawRespClient actual = node.connect()) {
            expected.call("FLUSHALL");
            actual.call("FLUSHALL");
            List<String> mismatches = new ArrayList<>();
            for (String line : lines) {
                String[] args = CommandLines.args(line);
                String mismatch = CommandLines.mismatch(line, expected.call(args), actual.call(args),
                        CommandLines.unordered(line));
                if (mismatch != null) {
                    mismatches.add(mismatch);
                }
            }
            assertThat(mismatches).as("replies that differ from redis-server").isEmpty();
        }
    }
}
