package io.slotgate.node.replication;

import io.slotgate.node.store.Keyspace;
import io.slotgate.node.testsupport.NodeHarness;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Benchmark (not a test): full sync of N string keys (default 1 000 000, 100-byte values) from one in-process
 * node to another; prints the snapshot size, the longest partition pause and the end-to-end MB/s.
 * Run: mvn -q -B -pl backend-node -am test -Dtest=FullSyncThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 */
public class FullSyncThroughputBenchmark {

    /** Not part of the suite (the name matches no surefire pattern): mvn ... -Dtest=FullSyncThroughputBenchmark. */
    @org.junit.jupiter.api.Test
    void measure() throws Exception {
        main(new String[]{System.getProperty("sync.keys", "1000000")});
    }

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        byte[] value = "x".repeat(100).getBytes(StandardCharsets.US_ASCII);
        try (NodeHarness master = NodeHarness.start()) {
            Keyspace ks = master.node().context().keyspace();
            CompletableFuture<?>[] loads = new CompletableFuture<?>[ks.partitionCount()];
            for (int p = 0; p < ks.partitionCount(); p++) {
                int part = p;
                loads[p] = ks.submit(p, partition -> {
                    for (int i = 0; i < keys; i++) {
                        byte[] k = ("key:" + i).getBytes(StandardCharsets.US_ASCII);
                        if (ks.partitionOfKey(k) == part) {
                            partition.set(k, value);
                        }
                    }
                    return null;
                });
            }
            CompletableFuture.allOf(loads).join();
            for (int round = 0; round < 2; round++) {
                try (NodeHarness replica = NodeHarness.start(); ReplicaClient r = new ReplicaClient(replica.port())) {
                    long start = System.nanoTime();
                    replica.node().replication().replicateFrom("127.0.0.1", master.port());
                    while (!"up".equals(r.info("replication", "master_link_status")) || r.sync().dbsize() < keys) {
                        Thread.sleep(10);
                    }
                    double secs = (System.nanoTime() - start) / 1e9;
                    double mb = keys * (value.length + 12.0) / 1e6;
                    System.out.printf("round %d: %d keys (~%.1f MB of RDB) fully synced and loaded in %.2f s = "
                                    + "%.1f MB/s; longest master partition pause %d ms%n", round, keys, mb, secs,
                            mb / secs, master.node().replication().lastSnapshotPauseMillis());
                }
            }
        }
    }
}
