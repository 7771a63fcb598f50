package io.slotgate.node.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The engine against Debian's real redis-cli: --cluster create with replicas, then --cluster check. */
class RedisCliClusterIntegrationTests {

    @TempDir
    Path dir;

    private TestCluster cluster;
    private final List<MiniClientFront> fronts = new ArrayList<>();

    @AfterEach
    void stop() {
        fronts.forEach(MiniClientFront::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Runs redis-cli with a hard timeout (create waits forever when nodes never agree). */
    private Result redisCli(long timeoutSec, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("redis-cli");
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "redis-cli", ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(timeoutSec, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return new Result(-1, Files.readString(out));
        }
        return new Result(p.exitValue(), Files.readString(out));
    }

    private record Result(int exitCode, String output) {
    }

    @Test
    void shouldBeCreatedAndCheckedByRedisCliWithOneReplicaPerMaster() throws Exception {
        cluster = new TestCluster(dir).start(6);
        List<String> args = new ArrayList<>(List.of("--cluster", "create"));
        for (int i = 0; i < 6; i++) {
            fronts.add(new MiniClientFront(cluster.node(i), cluster.port(i)));
            args.add("127.0.0.1:" + cluster.port(i));
        }
        args.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));

        Result create = redisCli(60, args.toArray(String[]::new));
        assertThat(create.output()).contains("[OK] All nodes agree about slots configuration.",
                "[OK] All 16384 slots covered.");
        assertThat(create.exitCode()).isZero();

        Result check = redisCli(30, "--cluster", "check", "127.0.0.1:" + cluster.port(0));
        assertThat(check.output()).contains("[OK] All nodes agree about slots configuration.",
                "[OK] All 16384 slots covered.", "1 additional replica(s)");
        assertThat(check.output()).doesNotContain("0 additional replica(s)");
        assertThat(check.exitCode()).isZero();
        // Masters report fail for their first 2 s (cluster-engine.md §9), which may outlast create.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (int i = 0; i < 6; i++) {
                assertThat(cluster.node(i).view().state()).isEqualTo("ok");
            }
        });
    }

    @Test
    void shouldPromoteAReplicaWithCLUSTERFAILOVERSentByRedisCliAndStillPassItsCheck() throws Exception {
        cluster = new TestCluster(dir).start(6);
        List<String> args = new ArrayList<>(List.of("--cluster", "create"));
        for (int i = 0; i < 6; i++) {
            fronts.add(new MiniClientFront(cluster.node(i), cluster.port(i)));
            args.add("127.0.0.1:" + cluster.port(i));
        }
        args.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        assertThat(redisCli(60, args.toArray(String[]::new)).exitCode()).isZero();
        int replica = 0;
        while (!cluster.node(replica).view().isReplica()) {
            replica++;
        }
        String oldMasterId = cluster.lineAbout(replica, cluster.id(replica)).split(" ")[3];
        String port = Integer.toString(cluster.port(replica));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(cluster.node(0).view().state()).isEqualTo("ok"));

        Result failover = redisCli(10, "-p", port, "CLUSTER", "FAILOVER");
        assertThat(failover.output().strip()).isEqualTo("OK");

        int promoted = replica;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(cluster.node(promoted).view().isReplica()).isFalse();
            assertThat(cluster.lineAbout(promoted, oldMasterId)).contains(" slave " + cluster.id(promoted) + " ");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Result check = redisCli(30, "--cluster", "check", "127.0.0.1:" + cluster.port(0));
            assertThat(check.output()).contains("[OK] All nodes agree about slots configuration.",
                    "[OK] All 16384 slots covered.", "M: " + cluster.id(promoted));
            assertThat(check.exitCode()).isZero();
        });
        Result again = redisCli(10, "-p", port, "CLUSTER", "FAILOVER");
        assertThat(again.output().strip()).isEqualTo("ERR You should send CLUSTER FAILOVER to a replica");
    }

    @Test
    void shouldAddAndDeleteNodesWithRedisCli() throws Exception {
        cluster = new TestCluster(dir).start(3);
        List<String> args = new ArrayList<>(List.of("--cluster", "create"));
        for (int i = 0; i < 3; i++) {
            fronts.add(new MiniClientFront(cluster.node(i), cluster.port(i)));
            args.add("127.0.0.1:" + cluster.port(i));
        }
        args.add("--cluster-yes");
        assertThat(redisCli(60, args.toArray(String[]::new)).exitCode()).isZero();
        cluster.start(2);
        for (int i = 3; i < 5; i++) {
            fronts.add(new MiniClientFront(cluster.node(i), cluster.port(i)));
        }
        String seed = "127.0.0.1:" + cluster.port(0);

        Result addMaster = redisCli(60, "--cluster", "add-node", "127.0.0.1:" + cluster.port(3), seed);
        assertThat(addMaster.output()).contains("[OK] New node added correctly.");
        // redis-cli's add-node (master mode) returns right after MEET; the next add-node starts with a full
        // check, so wait until the new node has learned every slot owner by gossip, as an operator would.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(redisCli(30, "--cluster", "check", seed).output())
                        .contains("[OK] All nodes agree about slots configuration."));
        Result addReplica = redisCli(60, "--cluster", "add-node", "127.0.0.1:" + cluster.port(4), seed,
                "--cluster-slave", "--cluster-master-id", cluster.id(0));
        assertThat(addReplica.output()).contains("[OK] New node added correctly.");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(cluster.lineAbout(1, cluster.id(4))).contains("slave " + cluster.id(0)));

        Result delReplica = redisCli(30, "--cluster", "del-node", seed, cluster.id(4));
        assertThat(delReplica.exitCode()).as(delReplica.output()).isZero();
        Result delMaster = redisCli(30, "--cluster", "del-node", seed, cluster.id(3));
        assertThat(delMaster.exitCode()).as(delMaster.output()).isZero();
        Thread.sleep(500); // gossip from the deleted nodes must not bring them back (FORGET ban)
        for (int i = 0; i < 3; i++) {
            assertThat(cluster.knownIds(i)).hasSize(3);
        }
        assertThat((String) cluster.call(4, "INFO")).contains("cluster_known_nodes:1\r\n");

        Result check = redisCli(30, "--cluster", "check", seed);
        assertThat(check.output()).contains("[OK] All nodes agree about slots configuration.",
                "[OK] All 16384 slots covered.");
        assertThat(check.exitCode()).isZero();
    }
}
