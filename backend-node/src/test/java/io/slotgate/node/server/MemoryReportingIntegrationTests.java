package io.slotgate.node.server;

import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import io.slotgate.routing.testsupport.RedisServerProcess;
import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** INFO memory reports the live keyspace: it grows with the data and MEMORY PURGE makes it exact. */
class MemoryReportingIntegrationTests {

    @Test
    void shouldReportMoreUsedMemoryAfterLoadingKeysAndPurging() {
        try (NodeHarness node = NodeHarness.start(); RawRespClient c = node.connect()) {
            assertThat(c.call("MEMORY", "PURGE")).isEqualTo("+OK\r\n");
            long before = usedMemory(c.call("INFO", "memory"));
            for (int i = 0; i < 50_000; i++) {
                c.send("SET", String.format("k%015d", i), "v".repeat(32));
            }
            for (int i = 0; i < 50_000; i++) {
                c.read();
            }
            assertThat(c.call("MEMORY", "PURGE")).isEqualTo("+OK\r\n");
            long after = usedMemory(c.call("INFO", "memory"));
            // 50 000 keys of 16 + 32 bytes cannot take less than their own bytes.
            assertThat(after - before).isGreaterThan(50_000L * 48);
        }
    }

    @Test
    void shouldAnswerUnknownMemorySubcommandsAsRedisDoes() {
        try (NodeHarness node = NodeHarness.start(); RawRespClient c = node.connect();
             RedisServerProcess redis = RedisServerProcess.standalone();
             RespConnection r = RespConnection.open(redis.port())) {
            String theirs = "-" + ((io.slotgate.routing.resp.RespError) r.call("MEMORY", "FOO")).text() + "\r\n";
            assertThat(c.call("MEMORY", "FOO")).isEqualTo(theirs);
        }
    }

    private static long usedMemory(String info) {
        return info.lines().filter(l -> l.startsWith("used_memory:")).map(l -> Long.parseLong(l.substring(12).trim()))
                .findFirst().orElseThrow();
    }
}
