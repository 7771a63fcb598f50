package io.slotgate.node.replication;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.routing.testsupport.RedisServerProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A master paused for a manual failover (cluster-engine.md §8.4) holds client writes instead of refusing them, and
 * WAIT counts acknowledgements of the calling client's own last write (replication.md §6). In-process nodes as the
 * cluster engine drives them, real Lettuce clients, a real redis-server replica.
 */
class WritePauseIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void shouldHoldEachClientsWritesInOrderWhileServingReadsThenRunThemWhenThePauseTimesOut() throws Exception {
        try (NodeHarness node = NodeHarness.start(); ReplicaClient writer = new ReplicaClient(node.port());
             ReplicaClient reader = new ReplicaClient(node.port())) {
            writer.sync().set("k", "before");
            ReplicationManager replication = (ReplicationManager) node.node().replication();

            replication.pauseWrites(3000);
            await().atMost(PATIENCE).until(replication::pauseSettled);
            RedisFuture<String> set = writer.async().set("k", "during");
            RedisFuture<String> getAfterSet = writer.async().get("k");
            writer.async().multi();
            writer.async().incr("counter");
            RedisFuture<?> exec = writer.async().exec();

            // Another client's reads are served at once; the held write has not run.
            assertThat(reader.sync().get("k")).isEqualTo("before");
            assertThat(reader.sync().get("counter")).isNull();
            assertThat(set.isDone()).isFalse();
            assertThat(getAfterSet.isDone()).isFalse();

            // When the pause times out the writes run normally, in the client's order.
            assertThat(set.get(30, TimeUnit.SECONDS)).isEqualTo("OK");
            assertThat(getAfterSet.get(30, TimeUnit.SECONDS)).isEqualTo("during");
            exec.get(30, TimeUnit.SECONDS);
            assertThat(reader.sync().get("counter")).isEqualTo("1");
            assertThat(replication.pauseSettled()).isFalse();
        }
    }

    @Test
    void shouldReleaseHeldWritesAsSoonAsThePauseEndsAndSurviveAHeldClientLeaving() throws Exception {
        try (NodeHarness node = NodeHarness.start(); ReplicaClient writer = new ReplicaClient(node.port())) {
            ReplicationManager replication = (ReplicationManager) node.node().replication();
            replication.pauseWrites(600_000);
            await().atMost(PATIENCE).until(replication::pauseSettled);
            try (ReplicaClient leaving = new ReplicaClient(node.port())) {
                leaving.async().set("gone", "1");
                RedisFuture<String> held = writer.async().set("k", "v");
                Thread.sleep(200);
                assertThat(held.isDone()).isFalse();
            }

            replication.resumeWrites();
            await().atMost(PATIENCE).until(() -> "v".equals(writer.sync().get("k")));
            assertThat(writer.sync().set("after", "1")).isEqualTo("OK");
            assertThat(writer.sync().dbsize()).isBetween(2L, 3L); // the leaving client's write may or may not run
        }
    }

    @Test
    void shouldWaitForTheCallersOwnLastWriteNotTheGlobalOffset() throws Exception {
        try (NodeHarness master = NodeHarness.start();
             RedisServerProcess redis = RedisServerProcess.standalone("--enable-debug-command", "yes");
             ReplicaClient early = new ReplicaClient(master.port()); ReplicaClient late = new ReplicaClient(master.port());
             ReplicaClient replica = new ReplicaClient(redis.port());
             ReplicaClient sleeper = new ReplicaClient(redis.port())) {
            replica.sync().replicaof("127.0.0.1", master.port());
            await().atMost(PATIENCE).until(() -> "up".equals(replica.info("replication", "master_link_status")));
            assertThat(late.sync().waitForReplication(0, 0)).isEqualTo(1L); // never wrote: target offset 0

            early.sync().set("early", "1");
            assertThat(early.sync().waitForReplication(1, 10_000)).isEqualTo(1L);

            // The replica stops reading (and acknowledging) for a while; another client writes meanwhile.
            RedisFuture<String> nap = sleeper.async().dispatch(CommandType.DEBUG,
                    new StatusOutput<>(StringCodec.UTF8), new CommandArgs<>(StringCodec.UTF8).add("SLEEP").add(3));
            Thread.sleep(200);
            late.sync().set("late", "2");

            assertThat(early.sync().waitForReplication(1, 300)).isEqualTo(1L); // its write is acknowledged
            assertThat(late.sync().waitForReplication(1, 300)).isZero(); // its write is not, yet
            nap.get(30, TimeUnit.SECONDS);
            assertThat(late.sync().waitForReplication(1, 10_000)).isEqualTo(1L);
        }
    }
}
