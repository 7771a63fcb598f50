package io.slotgate.node.server;

import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients pipelining INCRs over keys spread on four partitions: every increment must land exactly once and
 * every client must get its replies in order, whichever loop served them.
 */
class PartitionConcurrencyIntegrationTests {

    @Test
    void shouldCountEveryIncrementAcrossPartitionsAndClients() throws Exception {
        int clients = 8;
        int rounds = 500;
        int keys = 64;
        try (NodeHarness node = NodeHarness.start("--io-threads", "4")) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < clients; t++) {
                    results.add(pool.submit(() -> {
                        try (RawRespClient c = node.connect()) {
                            for (int r = 0; r < rounds; r++) {
                                c.send("INCR", "ctr:" + (r % keys));
                                c.send("ECHO", "r" + r);
                            }
                            boolean ordered = true;
                            for (int r = 0; r < rounds; r++) {
                                ordered &= c.read().startsWith(":");
                                ordered &= c.read().equals("$" + ("r" + r).length() + "\r\nr" + r + "\r\n");
                            }
                            return ordered;
                        }
                    }));
                }
                for (Future<Boolean> f : results) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
            try (RawRespClient c = node.connect()) {
                long total = 0;
                for (int k = 0; k < keys; k++) {
                    String v = c.call("GET", "ctr:" + k);
                    total += Long.parseLong(v.split("\r\n")[1]);
                }
                assertThat(total).isEqualTo((long) clients * rounds);
                assertThat(c.call("DBSIZE")).isEqualTo(":" + keys + "\r\n");
            }
        }
    }
}
