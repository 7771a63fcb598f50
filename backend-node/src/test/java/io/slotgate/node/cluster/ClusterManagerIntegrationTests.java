package io.slotgate.node.cluster;

import io.slotgate.routing.testsupport.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ClusterManagerIntegrationTests {

    @TempDir
    Path dir;

    private TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private TestCluster joinedCluster(int n) throws Exception {
        cluster = new TestCluster(dir).start(n);
        for (int i = 1; i < n; i++) {
            assertThat(cluster.call(i, "MEET", "127.0.0.1", Integer.toString(cluster.port(0)))).isEqualTo("OK");
        }
        List<String> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(cluster.id(i));
        }
        all.sort(null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (int i = 0; i < n; i++) {
                assertThat(cluster.knownIds(i)).isEqualTo(all);
                assertThat(cluster.nodes(i)).doesNotContain("handshake").doesNotContain("disconnected");
            }
        });
        return cluster;
    }

    private static String[] slotArgs(String sub, int from, int to) {
        String[] args = new String[to - from + 2];
        args[0] = sub;
        for (int s = from; s <= to; s++) {
            args[s - from + 1] = Integer.toString(s);
        }
        return args;
    }

    @Test
    void shouldStartAsAFreshNodeThatKnowsOnlyItself() throws Exception {
        cluster = new TestCluster(dir).start(1);
        String info = (String) cluster.call(0, "INFO");
        assertThat(info).contains("cluster_state:fail\r\n", "cluster_known_nodes:1\r\n",
                "cluster_slots_assigned:0\r\n", "cluster_current_epoch:0\r\n");
        String nodes = cluster.nodes(0);
        assertThat(nodes).matches("[0-9a-f]{40} :" + cluster.port(0) + "@" + (cluster.port(0) + 10000)
                + " myself,master - 0 0 0 connected\n");
        assertThat(cluster.call(0, "MYID")).isEqualTo(cluster.id(0));
        assertThat(cluster.node(0).view().redirect(0, false, false, false))
                .isEqualTo("CLUSTERDOWN Hash slot not served");
        assertThat(cluster.node(0).view().infoSection())
                .isEqualTo("cluster_enabled:1\r\ncluster_failover_state:none\r\n");
    }

    @Test
    void shouldJoinEveryNodeWhenEachMeetsOnlyTheFirst() throws Exception {
        joinedCluster(3);
        String line = cluster.lineAbout(1, cluster.id(0));
        assertThat(line).contains(" 127.0.0.1:" + cluster.port(0) + "@" + (cluster.port(0) + 10000) + " master - ");
        assertThat(cluster.lineAbout(0, cluster.id(0))).contains("127.0.0.1:" + cluster.port(0) + "@");
    }

    @Test
    void shouldAgreeOnSlotsAfterAddSlotsOnEveryMaster() throws Exception {
        joinedCluster(3);
        assertThat(cluster.call(0, slotArgs("ADDSLOTS", 0, 5460))).isEqualTo("OK");
        assertThat(cluster.call(1, "ADDSLOTSRANGE", "5461", "10922")).isEqualTo("OK");
        assertThat(cluster.call(2, slotArgs("ADDSLOTS", 10923, 16383))).isEqualTo("OK");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            String sig = cluster.slotSignature(0);
            assertThat(sig).contains(cluster.id(0) + ":0-5460", cluster.id(1) + ":5461-10922",
                    cluster.id(2) + ":10923-16383");
            assertThat(cluster.slotSignature(1)).isEqualTo(sig);
            assertThat(cluster.slotSignature(2)).isEqualTo(sig);
            for (int i = 0; i < 3; i++) {
                assertThat(cluster.node(i).view().state()).isEqualTo("ok");
            }
        });
        Object slots = cluster.call(1, "SLOTS");
        assertThat(slots).isEqualTo(List.of(
                List.of(0L, 5460L, List.of("127.0.0.1", (long) cluster.port(0), cluster.id(0), List.of())),
                List.of(5461L, 10922L, List.of("127.0.0.1", (long) cluster.port(1), cluster.id(1), List.of())),
                List.of(10923L, 16383L, List.of("127.0.0.1", (long) cluster.port(2), cluster.id(2), List.of()))));
        assertThat(cluster.node(0).view().redirect(6000, false, false, false))
                .isEqualTo("MOVED 6000 127.0.0.1:" + cluster.port(1));
        assertThat(cluster.node(0).view().redirect(100, true, false, false)).isNull();
        String info = (String) cluster.call(2, "INFO");
        assertThat(info).contains("cluster_state:ok\r\n", "cluster_slots_assigned:16384\r\n", "cluster_size:3\r\n",
                "cluster_known_nodes:3\r\n");
        // configEpoch collisions (all started at 0) leave every master with a distinct epoch (§7.3).
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<String> epochs = new ArrayList<>();
            for (String l : cluster.nodes(0).split("\n")) {
                epochs.add(l.split(" ")[6]);
            }
            assertThat(epochs).doesNotHaveDuplicates();
        });
    }

    @Test
    void shouldPropagateReplicateToEveryNode() throws Exception {
        joinedCluster(4);
        assertThat(cluster.call(0, "ADDSLOTSRANGE", "0", "8191")).isEqualTo("OK");
        assertThat(cluster.call(1, "ADDSLOTSRANGE", "8192", "16383")).isEqualTo("OK");
        assertThat(cluster.call(2, "REPLICATE", cluster.id(0))).isEqualTo("OK");
        assertThat(cluster.call(3, "REPLICATE", cluster.id(1))).isEqualTo("OK");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (int i = 0; i < 4; i++) {
                assertThat(cluster.lineAbout(i, cluster.id(2))).containsPattern("[ ,]slave " + cluster.id(0) + " ");
                assertThat(cluster.lineAbout(i, cluster.id(3))).containsPattern("[ ,]slave " + cluster.id(1) + " ");
            }
        });
        assertThat(cluster.node(2).view().isReplica()).isTrue();
        assertThat(cluster.node(2).view().redirect(5, false, true, false)).isNull();
        assertThat(cluster.node(2).view().redirect(5, true, true, false))
                .isEqualTo("MOVED 5 127.0.0.1:" + cluster.port(0));
        assertThat(cluster.node(2).view().redirect(9000, false, true, false))
                .isEqualTo("MOVED 9000 127.0.0.1:" + cluster.port(1));
        @SuppressWarnings("unchecked")
        List<Object> replicas = (List<Object>) cluster.call(1, "REPLICAS", cluster.id(0));
        assertThat(replicas).hasSize(1);
        assertThat((String) replicas.get(0)).startsWith(cluster.id(2) + " ");
        assertThat(cluster.call(0, "REPLICATE", cluster.id(2)))
                .isEqualTo(new Resp.Err("ERR I can only replicate a master, not a replica."));
        assertThat(cluster.call(0, "REPLICATE", cluster.id(1)))
                .isEqualTo(new Resp.Err("ERR To set a master the node must be empty and without assigned slots."));
    }

    @Test
    void shouldRestartFromNodesConfWithSameIdentityAndRejoin() throws Exception {
        joinedCluster(3);
        assertThat(cluster.call(0, "ADDSLOTSRANGE", "0", "5460")).isEqualTo("OK");
        assertThat(cluster.call(1, "ADDSLOTSRANGE", "5461", "10922")).isEqualTo("OK");
        assertThat(cluster.call(2, "ADDSLOTSRANGE", "10923", "16383")).isEqualTo("OK");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(cluster.slotSignature(1)).isEqualTo(cluster.slotSignature(0)));
        String id = cluster.id(1);
        String before = cluster.lineAbout(1, id);
        long epochBefore = Long.parseLong(before.split(" ")[6]);

        cluster.stopNode(1);
        String conf = Files.readString(cluster.options.get(1).configFile());
        assertThat(conf).contains(id + " 127.0.0.1:" + cluster.port(1) + "@").endsWith("\n")
                .containsPattern("vars currentEpoch \\d+ lastVoteEpoch 0\n");
        cluster.startNode(1);

        assertThat(cluster.id(1)).isEqualTo(id);
        String after = cluster.lineAbout(1, id);
        assertThat(after).contains("myself,master", " 5461-10922");
        assertThat(Long.parseLong(after.split(" ")[6])).isEqualTo(epochBefore);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(cluster.nodes(1)).doesNotContain("disconnected");
            assertThat(cluster.lineAbout(0, id)).contains(" connected ");
            assertThat(cluster.slotSignature(1)).isEqualTo(cluster.slotSignature(0));
            assertThat(cluster.node(1).view().state()).isEqualTo("ok");
        });
    }

    @Test
    void shouldResolveASlotConflictInFavourOfTheHigherConfigEpoch() throws Exception {
        cluster = new TestCluster(dir).start(3);
        // Before meeting: both claim slot 100, with distinct epochs set as redis-cli create does.
        assertThat(cluster.call(0, "SET-CONFIG-EPOCH", "1")).isEqualTo("OK");
        assertThat(cluster.call(1, "SET-CONFIG-EPOCH", "2")).isEqualTo("OK");
        assertThat(cluster.call(0, "ADDSLOTSRANGE", "0", "100")).isEqualTo("OK");
        assertThat(cluster.call(1, "ADDSLOTSRANGE", "100", "200")).isEqualTo("OK");
        assertThat(cluster.call(2, "ADDSLOTSRANGE", "201", "16383")).isEqualTo("OK");
        cluster.call(1, "MEET", "127.0.0.1", Integer.toString(cluster.port(0)));
        cluster.call(2, "MEET", "127.0.0.1", Integer.toString(cluster.port(0)));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (int i = 0; i < 3; i++) {
                assertThat(cluster.slotSignature(i)).isEqualTo(
                        signature(cluster.id(0) + ":0-99", cluster.id(1) + ":100-200", cluster.id(2) + ":201-16383"));
                assertThat(cluster.node(i).view().state()).isEqualTo("ok");
            }
        });
        assertThat(cluster.node(0).view().redirect(100, false, false, false))
                .isEqualTo("MOVED 100 127.0.0.1:" + cluster.port(1));
    }

    private static String signature(String... entries) {
        List<String> parts = new ArrayList<>(List.of(entries));
        parts.sort(null);
        return String.join("|", parts);
    }

    @Test
    void shouldForgetANodeAndKeepItOutOfGossipWhileBanned() throws Exception {
        joinedCluster(3);
        String forgotten = cluster.id(2);
        assertThat(cluster.call(0, "FORGET", forgotten)).isEqualTo("OK");
        assertThat(cluster.call(1, "FORGET", forgotten)).isEqualTo("OK");
        assertThat(cluster.knownIds(0)).doesNotContain(forgotten);
        // Node 2 still gossips about itself and knows the others; the ban keeps it out.
        Thread.sleep(1500);
        assertThat(cluster.knownIds(0)).doesNotContain(forgotten);
        assertThat(cluster.knownIds(1)).doesNotContain(forgotten);
        assertThat(cluster.call(0, "FORGET", forgotten)).isEqualTo(new Resp.Err("ERR Unknown node " + forgotten));
        assertThat(cluster.call(0, "FORGET", cluster.id(0)))
                .isEqualTo(new Resp.Err("ERR I tried hard but I can't forget myself..."));
    }

    @Test
    void shouldDeliverPublishToEveryOtherNode() throws Exception {
        joinedCluster(3);
        cluster.node(0).broadcastPublish("news".getBytes(), "hello".getBytes());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(cluster.keyspaces.get(1).published).containsExactly("news:hello");
            assertThat(cluster.keyspaces.get(2).published).containsExactly("news:hello");
        });
        assertThat(cluster.keyspaces.get(0).published).isEmpty();
        assertThat((String) cluster.call(0, "INFO")).contains("cluster_stats_messages_publish_sent:2\r\n");
    }

    @Test
    void shouldCloseLinksSendingGarbageAndStayUp() throws Exception {
        joinedCluster(2);
        int busPort = cluster.options.get(0).busPort();
        try (Socket s = new Socket("127.0.0.1", busPort)) {
            OutputStream out = s.getOutputStream();
            out.write("GET / HTTP/1.1\r\n\r\n".getBytes());
            out.flush();
            assertThat(s.getInputStream().read()).isEqualTo(-1); // closed by the node
        }
        try (Socket s = new Socket("127.0.0.1", busPort)) {
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {'S', 'G', 'c', 'b', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            out.flush();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(cluster.call(0, "MYID")).isEqualTo(cluster.id(0));
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(cluster.nodes(1)).doesNotContain("disconnected"));
    }

    @Test
    void shouldCountAndListKeysThroughTheKeyspace() throws Exception {
        cluster = new TestCluster(dir).start(1);
        cluster.keyspaces.get(0).put("foo", "1");
        cluster.keyspaces.get(0).put("{foo}x", "2");
        assertThat(cluster.call(0, "COUNTKEYSINSLOT", "12182")).isEqualTo(2L);
        assertThat(cluster.call(0, "GETKEYSINSLOT", "12182", "1")).isEqualTo(List.of("foo"));
        assertThat(cluster.call(0, "KEYSLOT", "foo")).isEqualTo(12182L);
    }

    @Test
    void shouldLearnThatAPeerRestartedOnNewPorts() throws Exception {
        joinedCluster(3);
        String id = cluster.id(2);
        cluster.stopNode(2);
        int newPort = FreePorts.clusterPort();
        cluster.options.set(2, cluster.options.get(2).withPort(newPort).withBusPort(newPort + 10000));
        cluster.startNode(2);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (int i = 0; i < 2; i++) {
                assertThat(cluster.lineAbout(i, id))
                        .contains(" 127.0.0.1:" + newPort + "@" + (newPort + 10000) + " ", " connected");
            }
        });
        assertThat(cluster.id(2)).isEqualTo(id);
    }

    @Test
    void shouldDropTheHandshakeWhenMeetingAnAlreadyKnownNode() throws Exception {
        joinedCluster(2);
        assertThat(cluster.call(1, "MEET", "127.0.0.1", Integer.toString(cluster.port(0)))).isEqualTo("OK");
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(cluster.nodes(1).split("\n")).hasSize(2);
            assertThat(cluster.nodes(1)).doesNotContain("handshake");
        });
    }

    @Test
    void shouldForgetEveryoneAndTakeANewIdOnHardReset() throws Exception {
        joinedCluster(3);
        assertThat(cluster.call(2, "ADDSLOTS", "5")).isEqualTo("OK");
        String oldId = cluster.id(2);
        assertThat(cluster.call(2, "RESET", "HARD")).isEqualTo("OK");
        assertThat(cluster.id(2)).isNotEqualTo(oldId);
        Thread.sleep(1000); // peers keep pinging it; unknown senders must not be re-added
        String nodes = cluster.nodes(2);
        assertThat(nodes).matches("[0-9a-f]{40} 127\\.0\\.0\\.1:\\d+@\\d+ myself,master - 0 \\d+ 0 connected\n");
        assertThat((String) cluster.call(2, "INFO")).contains("cluster_known_nodes:1\r\n", "cluster_current_epoch:0\r\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDescribeShardsAndLinks() throws Exception {
        joinedCluster(3);
        assertThat(cluster.call(0, "ADDSLOTSRANGE", "0", "99", "200", "299")).isEqualTo("OK");
        assertThat(cluster.call(2, "REPLICATE", cluster.id(0))).isEqualTo("OK");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(cluster.lineAbout(1, cluster.id(2))).contains("slave " + cluster.id(0)));

        List<Object> shards = (List<Object>) cluster.call(1, "SHARDS");
        assertThat(shards).hasSize(2); // both masters, the one without slots included
        List<Object> withSlots = shards.stream().map(s -> (List<Object>) s)
                .filter(s -> !((List<Object>) s.get(1)).isEmpty()).findFirst().orElseThrow();
        assertThat(withSlots.get(0)).isEqualTo("slots");
        assertThat(withSlots.get(1)).isEqualTo(List.of(0L, 99L, 200L, 299L));
        List<Object> shardNodes = (List<Object>) withSlots.get(3);
        assertThat(shardNodes).hasSize(2);
        assertThat(shardNodes.get(0)).isEqualTo(List.of("id", cluster.id(0), "port", (long) cluster.port(0),
                "ip", "127.0.0.1", "endpoint", "127.0.0.1", "role", "master", "replication-offset", 0L,
                "health", "online"));
        assertThat(((List<Object>) shardNodes.get(1)).subList(0, 2)).isEqualTo(List.of("id", cluster.id(2)));

        List<Object> links = (List<Object>) cluster.call(1, "LINKS");
        assertThat(links).hasSize(4);
        for (Object l : links) {
            List<Object> link = (List<Object>) l;
            assertThat(link).hasSize(12);
            assertThat(link.get(0)).isEqualTo("direction");
            assertThat(link.get(1)).isIn("to", "from");
            assertThat(link.get(3)).isIn(cluster.id(0), cluster.id(2));
        }
    }

    @Test
    void shouldRefuseToStartFromACorruptedNodesConf() throws Exception {
        Path conf = dir.resolve("corrupted.conf");
        Files.writeString(conf, "this is not a nodes.conf\n");
        ClusterOptions options = ClusterOptions.forPort(FreePorts.clusterPort()).withBindAddress("127.0.0.1")
                .withConfigFile(conf);
        try (ClusterManager m = new ClusterManager(options, new InMemoryKeyspace())) {
            assertThatThrownBy(m::start).hasMessageContaining("corrupted cluster config file");
        }
        assertThat(Files.readString(conf)).isEqualTo("this is not a nodes.conf\n");
    }

    @Test
    void shouldRefuseASecondNodeOnTheSameNodesConf() throws Exception {
        cluster = new TestCluster(dir).start(1);
        ClusterOptions sameFile = cluster.options.get(0).withPort(FreePorts.clusterPort())
                .withBusPort(FreePorts.clusterPort());
        try (ClusterManager m = new ClusterManager(sameFile, new InMemoryKeyspace())) {
            assertThatThrownBy(m::start).hasMessageContaining("locked by another node");
        }
        assertThat(cluster.call(0, "MYID")).isEqualTo(cluster.id(0));
    }

    @Test
    void shouldFailToStartWhenTheBusPortIsTaken() throws Exception {
        cluster = new TestCluster(dir).start(1);
        ClusterOptions clash = ClusterOptions.forPort(FreePorts.clusterPort()).withBindAddress("127.0.0.1")
                .withBusPort(cluster.options.get(0).busPort()).withConfigFile(dir.resolve("clash.conf"));
        try (ClusterManager m = new ClusterManager(clash, new InMemoryKeyspace())) {
            assertThatThrownBy(m::start).isInstanceOf(java.net.BindException.class);
        }
    }

    @Test
    void shouldTurnAMasterThatLostAllItsSlotsIntoAReplicaOfTheWinner() throws Exception {
        joinedCluster(3);
        assertThat(cluster.call(0, "ADDSLOTSRANGE", "0", "100")).isEqualTo("OK");
        assertThat(cluster.call(1, "ADDSLOTSRANGE", "101", "16383")).isEqualTo("OK");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(cluster.slotSignature(1)).isEqualTo(cluster.slotSignature(0)));
        // redis-cli's SetSlotOwner: take the slots over locally and win them with a new epoch (§10.1).
        assertThat(cluster.call(1, "DELSLOTSRANGE", "0", "100")).isEqualTo("OK");
        assertThat(cluster.call(1, "ADDSLOTSRANGE", "0", "100")).isEqualTo("OK");
        // STILL when collision handling already gave node 1 the unique highest epoch: it wins either way.
        assertThat((String) cluster.call(1, "BUMPEPOCH")).matches("(BUMPED|STILL) \\d+");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (int i = 0; i < 3; i++) {
                assertThat(cluster.slotSignature(i)).isEqualTo(cluster.id(1) + ":0-16383");
                assertThat(cluster.lineAbout(i, cluster.id(0))).containsPattern("[ ,]slave " + cluster.id(1) + " ");
            }
        });
        assertThat(cluster.node(0).view().isReplica()).isTrue();
    }
}
