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
                boolean unordered = line.startsWith("~");
                String[] args = CommandLines.split(unordered ? line.substring(1) : line);
                String want = expected.call(args);
                String got = actual.call(args);
                if (unordered) {
                    want = sortedArray(want);
                    got = sortedArray(got);
                }
                if (!want.equals(got)) {
                    mismatches.add(line + "\n    redis: " + printable(want) + "\n    node:  " + printable(got));
                }
            }
            assertThat(mismatches).as("replies that differ from redis-server").isEmpty();
        }
    }


    /** Sorts the bulk elements of a flat array reply so set-like replies compare regardless of order. */
    static String sortedArray(String reply) {
        if (!reply.startsWith("*")) {
            return reply;
        }
        String[] parts = reply.split("\r\n");
        List<String> elems = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("$") && !parts[i].equals("$-1") && i + 1 < parts.length) {
                elems.add(parts[i] + "|" + parts[++i]);
            } else {
                elems.add(parts[i]);
            }
        }
        elems.sort(null);
        return parts[0] + " " + elems;
    }

    private static String printable(String s) {
        return s.replace("\r\n", "\\r\\n");
    }

}
