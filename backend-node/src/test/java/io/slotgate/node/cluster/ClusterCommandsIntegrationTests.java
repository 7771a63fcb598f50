package io.slotgate.node.cluster;

import io.slotgate.routing.testsupport.FreePorts;
import io.slotgate.routing.testsupport.RedisCli;
import io.slotgate.routing.testsupport.RedisServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CLUSTER subcommands on a fresh node, compared reply for reply (as redis-cli prints them) with a real
 * redis-server 7.0 cluster node given the same sequence.
 */
class ClusterCommandsIntegrationTests {

    private static final String UNKNOWN = "0123456789012345678901234567890123456789";

    @TempDir
    Path dir;

    /** Each entry is one command; "ME" stands for the node's own id. */
    private static final List<String> SCRIPT = List.of(
            "CLUSTER ADDSLOTS 1 2",
            "CLUSTER ADDSLOTS 3 2",
            "CLUSTER ADDSLOTS 7 7",
            "CLUSTER DELSLOTS 100",
            "CLUSTER DELSLOTS 1",
            "CLUSTER ADDSLOTSRANGE 10 5",
            "CLUSTER ADDSLOTSRANGE 10 20 15 30",
            "CLUSTER ADDSLOTSRANGE 10 20 30 40",
            "CLUSTER DELSLOTSRANGE 10 12",
            "CLUSTER DELSLOTSRANGE 10 12",
            "CLUSTER ADDSLOTS 16384",
            "CLUSTER ADDSLOTS x",
            "CLUSTER ADDSLOTSRANGE 1",
            "CLUSTER DELSLOTS",
            "CLUSTER FORGET " + UNKNOWN,
            "CLUSTER FORGET ME",
            "CLUSTER REPLICATE ME",
            "CLUSTER REPLICATE " + UNKNOWN,
            "CLUSTER REPLICAS ME",
            "CLUSTER SLAVES " + UNKNOWN,
            "CLUSTER COUNT-FAILURE-REPORTS " + UNKNOWN,
            "CLUSTER COUNT-FAILURE-REPORTS ME",
            "CLUSTER SET-CONFIG-EPOCH -1",
            "CLUSTER SET-CONFIG-EPOCH x",
            "CLUSTER SET-CONFIG-EPOCH 5",
            "CLUSTER SET-CONFIG-EPOCH 6",
            "CLUSTER BUMPEPOCH",
            "CLUSTER RESET medium",
            "CLUSTER MEET localhost 7000",
            "CLUSTER MEET 127.0.0.1 x",
            "CLUSTER MEET 127.0.0.1 7000 y",
            "CLUSTER MEET 127.0.0.1 60000",
            "CLUSTER MEET 127.0.0.1 0",
            "CLUSTER MEET 127.0.0.01 7000",
            "CLUSTER MEET ::1 7000 x",
            "CLUSTER NOPE",
            "CLUSTER NODES extra",
            "CLUSTER COUNTKEYSINSLOT 99999",
            "CLUSTER COUNTKEYSINSLOT x",
            "CLUSTER COUNTKEYSINSLOT 5",
            "CLUSTER GETKEYSINSLOT 1 -1",
            "CLUSTER GETKEYSINSLOT 1 10",
            "CLUSTER KEYSLOT {user1000}.following",
            "CLUSTER MYID",
            "CLUSTER SLOTS",
            "CLUSTER NODES",
            "CLUSTER FLUSHSLOTS",
            "CLUSTER NODES",
            "CLUSTER SAVECONFIG",
            "CLUSTER RESET SOFT");

    @Test
    void shouldAnswerLikeRedisOnAFreshNode() throws Exception {
        List<String> expected;
        try (RedisServerProcess redis = RedisServerProcess.clusterNode(FreePorts.clusterPort())) {
            expected = runScript(redis.port());
        }
        int port = FreePorts.clusterPort();
        ClusterOptions options = ClusterOptions.forPort(port).withBindAddress("127.0.0.1")
                .withConfigFile(dir.resolve("nodes.conf"));
        try (ClusterManager manager = new ClusterManager(options, new InMemoryKeyspace())) {
            manager.start();
            try (MiniClientFront front = new MiniClientFront(manager, port)) {
                List<String> actual = runScript(port);
                for (int i = 0; i < SCRIPT.size(); i++) {
                    assertThat(actual.get(i)).as(SCRIPT.get(i)).isEqualTo(expected.get(i));
                }
            }
        }
    }

    private static List<String> runScript(int port) {
        String myId = RedisCli.run(10, "-p", Integer.toString(port), "CLUSTER", "MYID").output().strip();
        List<String> out = new ArrayList<>();
        for (String line : SCRIPT) {
            List<String> args = new ArrayList<>(List.of("-p", Integer.toString(port)));
            for (String a : line.split(" ")) {
                args.add(a.equals("ME") ? myId : a);
            }
            String printed = RedisCli.run(10, args.toArray(String[]::new)).output();
            out.add(printed.replace(myId, "<myid>")
                    .replace(Integer.toString(port + 10000), "<cport>")
                    .replace(Integer.toString(port), "<port>"));
        }
        return out;
    }
}
