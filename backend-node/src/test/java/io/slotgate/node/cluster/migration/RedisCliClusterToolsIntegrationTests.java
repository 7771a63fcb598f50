package io.slotgate.node.cluster.migration;

import io.slotgate.node.persistence.rdb.RdbFileReader;
import io.slotgate.node.testsupport.RawRespClient;
import io.slotgate.routing.slot.SlotHash;
import io.slotgate.routing.testsupport.RedisServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The redis-cli --cluster subcommands not covered elsewhere, against our nodes (redis-cli-cluster.md §3-§4, §6-§7,
 * §9-§12): fix of open and uncovered slots, call, set-timeout, info, add-node as replica, rebalance onto an empty
 * master, backup and import from a standalone redis-server 7.0.
 */
class RedisCliClusterToolsIntegrationTests {

    @TempDir
    Path dir;

    private LiveCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Three masters owning a third of the slots each (node i the i-th third). */
    private void threeMasters(int nodes) throws Exception {
        cluster = LiveCluster.start(dir, nodes, 3);
        cluster.assign(0, 0, 5460);
        cluster.assign(1, 5461, 10922);
        cluster.assign(2, 10923, 16383);
        cluster.awaitOk(3);
    }

    private String cli(String... args) throws Exception {
        return RedisCliRunner.run(dir, 120, args);
    }

    private void assertCheckIsClean(int node) throws Exception {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String check = cli("--cluster", "check", cluster.address(node));
            assertThat(check).contains("[OK] All nodes agree about slots configuration.",
                    "[OK] All 16384 slots covered.").doesNotContain("[WARNING]", "[ERR]");
        });
    }

    /** A hash tag of a slot master {@code m} owns ({@link #threeMasters}). */
    private static String tagOfMaster(int m) {
        return m == 0 ? tagInSlots(0, 5460) : m == 1 ? tagInSlots(5461, 10922) : tagInSlots(10923, 16383);
    }

    /** A hash tag whose slot lies in [from, to]. */
    private static String tagInSlots(int from, int to) {
        for (int i = 0; ; i++) {
            int slot = SlotHash.slot(("t" + i).getBytes(StandardCharsets.UTF_8));
            if (slot >= from && slot <= to) {
                return "t" + i;
            }
        }
    }

    @Test
    void shouldFixAnInterruptedMigrationAndAnUncoveredSlot() throws Exception {
        threeMasters(3);
        String tag = tagInSlots(0, 5460);
        String slot = cluster.call(0, "CLUSTER", "KEYSLOT", tag).substring(1).trim();
        for (int i = 0; i < 10; i++) {
            assertThat(cluster.call(0, "SET", "{" + tag + "}:" + i, "v" + i)).isEqualTo("+OK\r\n");
        }
        // a migration from node 0 to node 1 that stopped after moving 3 of the slot's 10 keys
        assertThat(cluster.call(1, "CLUSTER", "SETSLOT", slot, "IMPORTING", cluster.id(0))).isEqualTo("+OK\r\n");
        assertThat(cluster.call(0, "CLUSTER", "SETSLOT", slot, "MIGRATING", cluster.id(1))).isEqualTo("+OK\r\n");
        List<String> migrate = new ArrayList<>(List.of("MIGRATE", "127.0.0.1", String.valueOf(cluster.port(1)), "",
                "0", "5000", "KEYS"));
        for (int i = 0; i < 3; i++) {
            migrate.add("{" + tag + "}:" + i);
        }
        assertThat(cluster.call(0, migrate.toArray(String[]::new))).isEqualTo("+OK\r\n");
        // and a slot nobody claims any more
        assertThat(cluster.call(2, "CLUSTER", "DELSLOTS", "16000")).isEqualTo("+OK\r\n");
        RedisCliRunner.Result check = RedisCliRunner.runWithInput(dir, 30, "", "--cluster", "check",
                cluster.address(0));
        assertThat(check.output()).contains("[WARNING] The following slots are open: " + slot,
                "[ERR] Not all 16384 slots are covered by nodes.");

        RedisCliRunner.Result fix = RedisCliRunner.runWithInput(dir, 120, "yes\n", "--cluster", "fix",
                cluster.address(0));

        // keys on both ends: redis-cli picks the node with most keys as owner and moves the rest there (§4.1)
        assertThat(fix.output()).contains(">>> Fixing open slot " + slot,
                "*** Configuring " + cluster.address(0) + " as the slot owner",
                ">>> Case 2: Moving all the " + slot + " slot keys to its owner " + cluster.address(0),
                ">>> Covering slot 16000");
        assertCheckIsClean(2);
        assertThat(cluster.call(0, "CLUSTER", "COUNTKEYSINSLOT", slot)).isEqualTo(":10\r\n");
        assertThat(cluster.call(1, "CLUSTER", "COUNTKEYSINSLOT", slot)).isEqualTo(":0\r\n");
        assertThat(cluster.call(0, "GET", "{" + tag + "}:1")).isEqualTo("$2\r\nv1\r\n");
        assertThat(cluster.myselfLine(0)).doesNotContain("[");
        assertThat(cluster.myselfLine(1)).doesNotContain("[");
    }

    @Test
    void shouldCallEveryNodeSetTheTimeoutEverywhereAndReportInfo() throws Exception {
        threeMasters(3);
        for (int i = 0; i < 30; i++) {
            cluster.call(i % 3, "SET", "{" + tagOfMaster(i % 3) + "}" + i, "x");
        }

        String call = cli("--cluster", "call", cluster.address(0), "DBSIZE");
        String info = cli("--cluster", "info", cluster.address(0));
        String timeout = cli("--cluster", "set-timeout", cluster.address(0), "12000");

        for (int i = 0; i < 3; i++) {
            assertThat(call).contains(cluster.address(i) + ": 10");
            assertThat(info).contains(cluster.address(i) + " (" + cluster.id(i).substring(0, 8) + "...) -> 10 keys | ");
            assertThat(cluster.call(i, "CONFIG", "GET", "cluster-node-timeout"))
                    .isEqualTo("*2\r\n$20\r\ncluster-node-timeout\r\n$5\r\n12000\r\n");
        }
        assertThat(info).contains("[OK] 30 keys in 3 masters.");
        // CONFIG REWRITE fails as on a redis-server started without a config file; CONFIG SET took effect
        assertThat(timeout).contains("The server is running without a config file");
        assertThat(cluster.call(0, "CONFIG", "SET", "cluster-node-timeout", "0")).startsWith("-ERR CONFIG SET failed");
        assertThat(cluster.call(0, "CONFIG", "SET", "cluster-node-timeout", "soon")).startsWith("-ERR CONFIG SET failed");
    }

    @Test
    void shouldAddAReplicaOfAChosenMasterAndRebalanceOntoAnEmptyMaster() throws Exception {
        threeMasters(5);

        cli("--cluster", "add-node", cluster.address(3), cluster.address(0));
        // add-node returns right after MEET; the next one starts with a check, which needs the news spread
        cluster.awaitJoined(4);
        assertCheckIsClean(0);
        cli("--cluster", "add-node", cluster.address(4), cluster.address(0), "--cluster-slave",
                "--cluster-master-id", cluster.id(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> cluster.myselfLine(4).contains("slave " + cluster.id(1)));
        cluster.awaitJoined(5); // the masters must know the new one before slots can migrate to it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                cli("--cluster", "check", cluster.address(0))).contains("[OK] All nodes agree about slots"));
        // a small weight for the new master keeps the move short: 16384 / 3.05 * 0.05 = 268 slots, plus rounding
        String rebalance = cli("--cluster", "rebalance", cluster.address(0), "--cluster-use-empty-masters",
                "--cluster-weight", cluster.id(3) + "=0.05");

        assertThat(rebalance).contains("Rebalancing across 4 nodes. Total weight = 3.05",
                " to " + cluster.address(3));
        assertCheckIsClean(3);
        String info = cli("--cluster", "info", cluster.address(0));
        assertThat(info).containsPattern(cluster.address(3) + " \\(" + cluster.id(3).substring(0, 8)
                + "\\.\\.\\.\\) -> 0 keys \\| 2[67][0-9] slots \\| 0 slaves\\.");
        assertThat(info).contains(cluster.address(1) + " (" + cluster.id(1).substring(0, 8) + "...) -> 0 keys | ")
                .contains(" slots | 1 slaves.");
    }

    @Test
    void shouldBackUpEveryMasterIntoRdbFilesOurReaderLoads() throws Exception {
        threeMasters(3);
        for (int m = 0; m < 3; m++) {
            String tag = tagOfMaster(m);
            for (int i = 0; i < 4 + m; i++) {
                cluster.call(m, "RPUSH", "{" + tag + "}:list" + i, "a", "b");
            }
        }
        Path backup = Files.createDirectories(dir.resolve("backup"));

        String out = cli("--cluster", "backup", cluster.address(0), backup.toString());

        assertThat(out).contains("[OK] Backup created into: " + backup);
        assertThat(backup.resolve("nodes.json")).exists();
        for (int m = 0; m < 3; m++) {
            Path rdb = backup.resolve("redis-node-127.0.0.1-" + cluster.port(m) + "-" + cluster.id(m) + ".rdb");
            List<String> keys = new ArrayList<>();
            try (InputStream in = Files.newInputStream(rdb)) {
                RdbFileReader.Summary summary = RdbFileReader.read(in, e -> keys.add(e.toString()));
                assertThat(summary.keys()).isEqualTo(4 + m);
            }
            assertThat(keys).hasSize(4 + m);
        }
        try (Stream<Path> files = Files.list(backup)) {
            assertThat(files.count()).isEqualTo(4);
        }
    }

    @Test
    void shouldImportKeysOfEveryTypeFromAStandaloneRedis() throws Exception {
        threeMasters(3);
        try (RedisServerProcess source = RedisServerProcess.standalone();
             RawRespClient src = RawRespClient.open(source.port())) {
            src.call("SET", "s:plain", "hello");
            src.call("SET", "s:ttl", "soon", "PX", "600000");
            src.call("SET", "s:int", "12345");
            src.call("RPUSH", "l:list", "a", "b", "c");
            src.call("HSET", "h:hash", "f1", "v1", "f2", "v2");
            src.call("SADD", "set:ints", "1", "2", "3");
            src.call("SADD", "set:words", "x", "y", "z");
            src.call("ZADD", "z:zset", "1.5", "a", "2", "b");

            String copy = cli("--cluster", "import", cluster.address(0), "--cluster-from", source.address(),
                    "--cluster-copy");

            assertThat(copy).contains("*** Importing 8 keys from DB 0");
            assertThat(src.call("DBSIZE")).isEqualTo(":8\r\n");
            assertThat(clusterGet("GET", "s:plain")).isEqualTo("$5\r\nhello\r\n");
            assertThat(clusterGet("GET", "s:int")).isEqualTo("$5\r\n12345\r\n");
            assertThat(Long.parseLong(clusterGet("PTTL", "s:ttl").substring(1).trim())).isBetween(1L, 600_000L);
            assertThat(clusterGet("LRANGE", "l:list", "0", "-1")).isEqualTo("*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
            assertThat(clusterGet("HGET", "h:hash", "f2")).isEqualTo("$2\r\nv2\r\n");
            assertThat(clusterGet("SCARD", "set:ints")).isEqualTo(":3\r\n");
            assertThat(clusterGet("SISMEMBER", "set:words", "y")).isEqualTo(":1\r\n");
            assertThat(clusterGet("ZSCORE", "z:zset", "a")).isEqualTo("$3\r\n1.5\r\n");

            src.call("SET", "s:plain", "changed");
            String replace = cli("--cluster", "import", cluster.address(0), "--cluster-from", source.address(),
                    "--cluster-replace");

            assertThat(replace).contains("*** Importing 8 keys from DB 0");
            assertThat(src.call("DBSIZE")).isEqualTo(":0\r\n"); // without --cluster-copy the keys move
            assertThat(clusterGet("GET", "s:plain")).isEqualTo("$7\r\nchanged\r\n");
        }
    }

    /** Runs a command on the node owning its key (the second argument). */
    private String clusterGet(String... args) {
        int slot = SlotHash.slot(args[1].getBytes(StandardCharsets.UTF_8));
        return cluster.call(slot <= 5460 ? 0 : slot <= 10922 ? 1 : 2, args);
    }
}
