package io.slotgate.node.replication;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScoredValue;
import io.slotgate.node.testsupport.NodeHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Master and replicas as in-process nodes, wired through ReplicationManager as the cluster engine would. */
class ReplicationIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static void replicate(NodeHarness replica, NodeHarness master) {
        replica.node().replication().replicateFrom("127.0.0.1", master.port());
    }

    private static void awaitLinkUp(ReplicaClient replica) {
        await().atMost(PATIENCE).until(() -> "up".equals(replica.info("replication", "master_link_status")));
    }

    private static void awaitSameOffset(ReplicaClient master, ReplicaClient replica) {
        await().atMost(PATIENCE).until(() -> {
            String m = master.info("replication", "master_repl_offset");
            return m != null && m.equals(replica.info("replication", "master_repl_offset"));
        });
    }

    @Test
    void shouldFullySyncEveryTypeThenReplicateLiveWritesInOrder() {
        int perType = 20_000;
        try (NodeHarness master = NodeHarness.start(); NodeHarness replica = NodeHarness.start();
             ReplicaClient m = new ReplicaClient(master.port()); ReplicaClient r = new ReplicaClient(replica.port())) {
            m.pipeline(perType, (a, i) -> a.set("str:" + i, "value-" + i));
            m.pipeline(perType, (a, i) -> a.rpush("list:" + i, "a" + i, "b", "c"));
            m.pipeline(perType, (a, i) -> a.sadd("set:" + i, "x", "y" + i));
            m.pipeline(perType, (a, i) -> a.hset("hash:" + i, Map.of("f", "v" + i, "g", "w")));
            m.pipeline(perType, (a, i) -> a.zadd("zset:" + i, ScoredValue.just(i, "m"), ScoredValue.just(-1.5, "n")));
            m.sync().set("ttl-key", "soon", io.lettuce.core.SetArgs.Builder.px(600_000));
            r.sync().set("stale-on-replica", "will be flushed");

            replicate(replica, master);
            awaitLinkUp(r);
            await().atMost(PATIENCE).until(() -> r.sync().dbsize() == 5L * perType + 1);

            assertThat(r.sync().exists("stale-on-replica")).isZero();
            for (int i = 0; i < perType; i += 997) {
                assertThat(r.sync().get("str:" + i)).isEqualTo("value-" + i);
                assertThat(r.sync().lrange("list:" + i, 0, -1)).containsExactly("a" + i, "b", "c");
                assertThat(r.sync().smembers("set:" + i)).containsExactlyInAnyOrder("x", "y" + i);
                assertThat(r.sync().hgetall("hash:" + i)).isEqualTo(Map.of("f", "v" + i, "g", "w"));
                assertThat(r.sync().zrangeWithScores("zset:" + i, 0, -1))
                        .containsExactly(ScoredValue.just(-1.5, "n"), ScoredValue.just(i, "m"));
            }
            assertThat(r.sync().pttl("ttl-key")).isBetween(1L, 600_000L);

            for (int i = 0; i < 500; i++) {
                m.sync().incr("counter");
                m.sync().rpush("ordered", Integer.toString(i));
            }
            m.sync().expire("str:1", 1000);
            m.sync().incrbyfloat("float", 1.25);
            assertThat(m.sync().waitForReplication(1, 5000)).isEqualTo(1L);
            await().atMost(PATIENCE).until(() -> "500".equals(r.sync().get("counter")));
            assertThat(r.sync().lrange("ordered", 0, -1)).hasSize(500).startsWith("0", "1").endsWith("499");
            assertThat(r.sync().get("float")).isEqualTo("1.25");
            assertThat(r.sync().pexpiretime("str:1")).isEqualTo(m.sync().pexpiretime("str:1"));
            awaitSameOffset(m, r);

            assertThatThrownBy(() -> r.sync().set("k", "v"))
                    .isInstanceOf(RedisCommandExecutionException.class)
                    .hasMessage("READONLY You can't write against a read only replica.");
            assertThat(m.info("replication", "connected_slaves")).isEqualTo("1");
            assertThat(m.info("replication", "slave0")).contains("state=online");
            assertThat(r.info("replication", "role")).isEqualTo("slave");
            assertThat(m.info("stats", "sync_full")).isEqualTo("1");
        }
    }

    @Test
    void shouldResumeWithAPartialResyncAfterTheMasterLinkIsKilled() {
        try (NodeHarness master = NodeHarness.start(); NodeHarness replica = NodeHarness.start();
             ReplicaClient m = new ReplicaClient(master.port()); ReplicaClient r = new ReplicaClient(replica.port())) {
            m.sync().set("before", "1");
            replicate(replica, master);
            awaitLinkUp(r);
            awaitSameOffset(m, r);

            assertThat(r.sync().clientKill(io.lettuce.core.KillArgs.Builder.typeMaster())).isEqualTo(1L);
            m.sync().set("during", "2");
            m.sync().lpush("list", "a", "b");

            awaitLinkUp(r);
            awaitSameOffset(m, r);
            assertThat(r.sync().get("during")).isEqualTo("2");
            assertThat(r.sync().lrange("list", 0, -1)).containsExactly("b", "a");
            assertThat(m.info("stats", "sync_full")).isEqualTo("1");
            assertThat(m.info("stats", "sync_partial_ok")).isEqualTo("1");
        }
    }

    @Test
    void shouldLetASiblingReplicaContinueWithThePromotedOne() {
        try (NodeHarness master = NodeHarness.start(); NodeHarness r1 = NodeHarness.start();
             NodeHarness r2 = NodeHarness.start(); ReplicaClient m = new ReplicaClient(master.port());
             ReplicaClient c1 = new ReplicaClient(r1.port()); ReplicaClient c2 = new ReplicaClient(r2.port())) {
            m.sync().set("a", "1");
            replicate(r1, master);
            replicate(r2, master);
            awaitLinkUp(c1);
            awaitLinkUp(c2);
            m.sync().set("b", "2");
            awaitSameOffset(m, c1);
            awaitSameOffset(m, c2);
            String oldId = m.info("replication", "master_replid");

            r1.node().replication().becomeMaster();
            await().atMost(PATIENCE).until(() -> "master".equals(c1.info("replication", "role")));
            assertThat(c1.info("replication", "master_replid2")).isEqualTo(oldId);
            replicate(r2, r1);
            await().atMost(PATIENCE).until(() -> "1".equals(c1.info("stats", "sync_partial_ok")));
            awaitLinkUp(c2);
            assertThat(c1.info("stats", "sync_full")).isEqualTo("0");

            c1.sync().set("c", "3");
            assertThat(c1.sync().waitForReplication(1, 5000)).isEqualTo(1L);
            await().atMost(PATIENCE).until(() -> "3".equals(c2.sync().get("c")));
            assertThat(c2.sync().get("a")).isEqualTo("1");
            assertThat(c2.sync().get("b")).isEqualTo("2");
            assertThat(c2.info("replication", "master_replid")).isEqualTo(c1.info("replication", "master_replid"));
        }
    }

    @Test
    void shouldConvergeAlongAChainOfReplicas() {
        try (NodeHarness master = NodeHarness.start(); NodeHarness r1 = NodeHarness.start();
             NodeHarness r2 = NodeHarness.start(); ReplicaClient m = new ReplicaClient(master.port());
             ReplicaClient c1 = new ReplicaClient(r1.port()); ReplicaClient c2 = new ReplicaClient(r2.port())) {
            m.pipeline(1000, (a, i) -> a.set("k" + i, "v" + i));
            replicate(r1, master);
            awaitLinkUp(c1);
            replicate(r2, r1);
            awaitLinkUp(c2);
            m.pipeline(1000, (a, i) -> a.hset("h", "f" + i, "v" + i));
            awaitSameOffset(m, c1);
            awaitSameOffset(m, c2);
            assertThat(c2.sync().dbsize()).isEqualTo(1001L);
            assertThat(c2.sync().hlen("h")).isEqualTo(1000L);
            assertThat(c2.info("replication", "master_replid")).isEqualTo(m.info("replication", "master_replid"));
        }
    }

    @Test
    void shouldKeepTheReplicaEqualWhenFlushallRacesWithWrites() throws Exception {
        try (NodeHarness master = NodeHarness.start(); NodeHarness replica = NodeHarness.start();
             ReplicaClient m = new ReplicaClient(master.port()); ReplicaClient r = new ReplicaClient(replica.port());
             ReplicaClient writer = new ReplicaClient(master.port())) {
            replicate(replica, master);
            awaitLinkUp(r);
            var running = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread t = new Thread(() -> {
                int i = 0;
                while (running.get()) {
                    writer.sync().set("w" + (i++ % 5000), "v");
                }
            });
            t.start();
            try {
                for (int round = 0; round < 5; round++) {
                    Thread.sleep(100);
                    m.sync().flushall();
                }
            } finally {
                running.set(false);
                t.join();
            }
            assertThat(m.sync().waitForReplication(1, 5000)).isEqualTo(1L);
            awaitSameOffset(m, r);
            assertThat(new java.util.TreeSet<>(r.sync().keys("*"))).isEqualTo(new java.util.TreeSet<>(m.sync().keys("*")));
        }
    }

    @Test
    void shouldAnswerReplicationCommandErrorsAsRedis() {
        try (NodeHarness node = NodeHarness.start(); var raw = node.connect()) {
            assertThat(raw.call("REPLCONF", "listening-port")).isEqualTo("-ERR syntax error\r\n");
            assertThat(raw.call("REPLCONF", "nope", "1")).isEqualTo("-ERR Unrecognized REPLCONF option: nope\r\n");
            assertThat(raw.call("REPLCONF", "listening-port", "7000", "capa", "eof")).isEqualTo("+OK\r\n");
            assertThat(raw.call("WAIT", "0", "-1")).isEqualTo("-ERR timeout is negative\r\n");
            assertThat(raw.call("WAIT", "0", "0")).isEqualTo(":0\r\n");
            assertThat(raw.call("REPLICAOF", "127.0.0.1", "1")).isEqualTo("-ERR REPLICAOF not allowed in cluster mode.\r\n");
            assertThat(raw.call("ROLE")).startsWith("*3\r\n$6\r\nmaster\r\n:0\r\n*0\r\n");
        }
    }

}
