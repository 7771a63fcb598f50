package io.slotgate.node.replication;

import io.lettuce.core.LMoveArgs;
import io.slotgate.node.testsupport.NodeHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Writes whose replay could differ reach the replica in a form that gives the master's result. */
class ReplicatedWriteFormsIntegrationTests {

    private static NodeHarness master;
    private static NodeHarness replica;
    private static ReplicaClient m;
    private static ReplicaClient r;

    @BeforeAll
    static void startPair() {
        master = NodeHarness.start();
        replica = NodeHarness.start();
        m = new ReplicaClient(master.port());
        r = new ReplicaClient(replica.port());
        replica.node().replication().replicateFrom("127.0.0.1", master.port());
        await().atMost(Duration.ofSeconds(60)).until(() -> "up".equals(r.info("replication", "master_link_status")));
    }

    @AfterAll
    static void stopPair() {
        for (AutoCloseable c : new AutoCloseable[]{m, r, replica, master}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private static void synced() {
        assertThat(m.sync().waitForReplication(1, 5000)).isEqualTo(1L);
        await().atMost(Duration.ofSeconds(30)).until(() -> m.info("replication", "master_repl_offset")
                .equals(r.info("replication", "master_repl_offset")));
    }

    @Test
    void shouldReplicatePopsAsWhatWasPopped() {
        m.sync().sadd("{p}set", "a", "b", "c", "d", "e");
        m.sync().spop("{p}set");
        m.sync().spop("{p}set", 2);
        m.sync().rpush("{p}list", "x", "y", "z");
        synced();
        assertThat(r.sync().smembers("{p}set")).isEqualTo(m.sync().smembers("{p}set")).hasSize(2);
        assertThat(r.sync().lrange("{p}list", 0, -1)).containsExactly("x", "y", "z");
    }

    @Test
    void shouldReplicateBlockedPopsServedLaterAsPlainPops() throws Exception {
        try (ReplicaClient blocked = new ReplicaClient(master.port());
             ReplicaClient mover = new ReplicaClient(master.port())) {
            CompletableFuture<?> pop = blocked.async().blpop(10, "{b}queue").toCompletableFuture();
            CompletableFuture<?> move = mover.async().blmove("{b}src", "{b}dst", LMoveArgs.Builder.leftRight(), 10)
                    .toCompletableFuture();
            Thread.sleep(200);
            m.sync().rpush("{b}queue", "first", "second");
            m.sync().rpush("{b}src", "s1", "s2");
            pop.get(10, TimeUnit.SECONDS);
            move.get(10, TimeUnit.SECONDS);
        }
        synced();
        assertThat(r.sync().lrange("{b}queue", 0, -1)).containsExactly("second");
        assertThat(r.sync().lrange("{b}src", 0, -1)).containsExactly("s2");
        assertThat(r.sync().lrange("{b}dst", 0, -1)).containsExactly("s1");
    }

    @Test
    void shouldReplicateRelativeTtlsAndFloatsAsAbsoluteResults() {
        m.sync().setex("{t}a", 1000, "v");
        m.sync().set("{t}b", "v", io.lettuce.core.SetArgs.Builder.ex(2000));
        m.sync().set("{t}c", "v");
        m.sync().getex("{t}c", io.lettuce.core.GetExArgs.Builder.px(300_000));
        m.sync().incrbyfloat("{t}f", 0.1);
        m.sync().incrbyfloat("{t}f", 0.2);
        synced();
        for (String k : new String[]{"{t}a", "{t}b", "{t}c"}) {
            assertThat(r.sync().pexpiretime(k)).as(k).isEqualTo(m.sync().pexpiretime(k)).isPositive();
        }
        assertThat(r.sync().get("{t}f")).isEqualTo(m.sync().get("{t}f"));
    }

    @Test
    void shouldDeleteExpiredKeysOnTheReplicaOnlyWhenTheMasterDoes() {
        m.sync().set("{e}short", "v", io.lettuce.core.SetArgs.Builder.px(300));
        synced();
        await().atMost(Duration.ofSeconds(10)).until(() -> m.sync().exists("{e}short") == 0L);
        await().atMost(Duration.ofSeconds(10)).until(() -> r.sync().exists("{e}short") == 0L);
        synced();
    }

    @Test
    void shouldReplicateATransactionAsOneBlock() {
        var tx = m.sync();
        tx.multi();
        tx.incr("{x}n");
        tx.lpush("{x}l", "a");
        tx.incr("{x}n");
        assertThat(tx.exec().wasDiscarded()).isFalse();
        synced();
        assertThat(r.sync().get("{x}n")).isEqualTo("2");
        assertThat(r.sync().lrange("{x}l", 0, -1)).containsExactly("a");
    }

    @Test
    void shouldReplicateFloatsRestoresAndMigrationsAsTheirResults() {
        m.sync().hincrbyfloat("{h}hash", "f", 0.1);
        m.sync().hincrbyfloat("{h}hash", "f", 0.2);
        m.sync().set("{h}src", "payload");
        byte[] dump = m.sync().dump("{h}src");
        m.sync().restore("{h}copy", dump, io.lettuce.core.RestoreArgs.Builder.ttl(500_000));
        try (NodeHarness target = NodeHarness.start()) {
            m.sync().set("{h}moving", "v");
            assertThat(m.sync().migrate("127.0.0.1", target.port(), "{h}moving", 0, 5000)).isEqualTo("OK");
        }
        synced();
        assertThat(r.sync().hget("{h}hash", "f")).isEqualTo(m.sync().hget("{h}hash", "f"));
        assertThat(r.sync().pexpiretime("{h}copy")).isEqualTo(m.sync().pexpiretime("{h}copy")).isPositive();
        assertThat(r.sync().get("{h}copy")).isEqualTo("payload");
        assertThat(r.sync().exists("{h}moving")).isZero();
    }
}
