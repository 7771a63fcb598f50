package io.slotgate.routing.topology;

import io.slotgate.routing.topology.ClusterShardsEntry.Health;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterShardsParserUnitTests {

    private static final String A = "a".repeat(40);
    private static final String A1 = "d".repeat(40);
    private static final String A2 = "e".repeat(40);
    private static final String A3 = "f".repeat(40);
    private static final String B = "b".repeat(40);
    private static final String C = "c".repeat(40);

    @Test
    void shouldParseRespTwoFlatKeyValueArrays() {
        // The observed 7.0.15 shape (cluster-protocol.md §7).
        Object reply = List.of(
                flat("slots", List.of(0L, 5460L, 10000L, 10001L), "nodes", List.of(
                        flat("id", A, "port", 7000L, "ip", "127.0.0.1", "endpoint", "127.0.0.1",
                                "role", "master", "replication-offset", 14L, "health", "online"),
                        flat("id", A1, "port", 7003L, "ip", "127.0.0.1", "endpoint", "127.0.0.1",
                                "role", "replica", "replication-offset", 14L, "health", "online"))),
                flat("slots", List.of(5461L, 9999L, 10002L, 16383L), "nodes", List.of(
                        flat("id", B, "port", 7001L, "ip", "127.0.0.1", "endpoint", "127.0.0.1",
                                "role", "master", "replication-offset", 14L, "health", "online"))));

        SlotMap map = ClusterShardsParser.parse(reply, "10.0.0.1");

        assertThat(map.assignedSlots()).isEqualTo(16384);
        assertThat(map.shards()).hasSize(2);
        Shard a = map.shard(0);
        assertThat(a.master()).isEqualTo(new ClusterNode(A, "127.0.0.1", 7000, NodeRole.MASTER));
        assertThat(a.replicas()).containsExactly(new ClusterNode(A1, "127.0.0.1", 7003, NodeRole.REPLICA));
        assertThat(map.ranges(a)).containsExactly(new SlotRange(0, 5460), new SlotRange(10000, 10001));
        assertThat(map.master(10002).id()).isEqualTo(B);
    }

    @Test
    void shouldParseRespThreeMapsWithBulkKeys() {
        Map<Object, Object> master = map("id", A, "port", 7000L, "ip", "127.0.0.1", "endpoint", "127.0.0.1",
                "hostname", "node-a", "role", "master", "replication-offset", 100L, "health", "online");
        Map<Object, Object> shard = map("slots", List.of(0L, 16383L), "nodes", List.of(master));

        List<ClusterShardsEntry> entries = ClusterShardsParser.parseEntries(List.of(shard));

        assertThat(entries).hasSize(1);
        ClusterShardsEntry.Node node = entries.get(0).master();
        assertThat(node.hostname()).isEqualTo("node-a");
        assertThat(node.replicationOffset()).isEqualTo(100);
        assertThat(node.health()).isEqualTo(Health.ONLINE);
        assertThat(node.node()).isEqualTo(new ClusterNode(A, "127.0.0.1", 7000, NodeRole.MASTER));
    }

    @Test
    void shouldKeepOnlyOnlineReplicasInTheMapButAllNodesInTheEntries() {
        Object reply = List.of(flat("slots", List.of(0L, 16383L), "nodes", List.of(
                nodeFields(A, 7000, "master", 500, "online"),
                nodeFields(A1, 7003, "replica", 500, "online"),
                nodeFields(A2, 7004, "replica", 0, "loading"),
                nodeFields(A3, 7005, "replica", 300, "fail"),
                nodeFields(C, 7006, "replica", 300, "failed"))));

        SlotMap map = ClusterShardsParser.parse(reply);
        List<ClusterShardsEntry> entries = ClusterShardsParser.parseEntries(reply);

        assertThat(map.shard(0).replicas()).extracting(ClusterNode::id).containsExactly(A1);
        assertThat(entries.get(0).replicas()).extracting(ClusterShardsEntry.Node::health)
                .containsExactly(Health.ONLINE, Health.LOADING, Health.FAILED, Health.FAILED);
    }

    @Test
    void shouldSkipMastersWithoutSlots() {
        Object reply = List.of(
                flat("slots", List.of(), "nodes", List.of(nodeFields(C, 7006, "master", 0, "online"))),
                flat("slots", List.of(0L, 100L), "nodes", List.of(nodeFields(A, 7000, "master", 1, "online"))));

        SlotMap map = ClusterShardsParser.parse(reply);

        assertThat(map.shards()).extracting(s -> s.master().id()).containsExactly(A);
        assertThat(map.assignedSlots()).isEqualTo(101);
    }

    @Test
    void shouldAcceptSlotsAsBulkStringsLikeRedisSevenZeroZero() {
        Object reply = List.of(flat("slots", List.of(bytes("0"), bytes("16383")), "nodes",
                List.of(nodeFields(A, 7000, "master", 1, "online"))));

        assertThat(ClusterShardsParser.parse(reply).assignedSlots()).isEqualTo(16384);
    }

    @Test
    void shouldResolveEndpointsLikeTheOtherParsers() {
        Object reply = List.of(flat("slots", List.of(0L, 16383L), "nodes", List.of(
                flat("id", A, "port", 7000L, "ip", "10.0.0.1", "endpoint", "?", "role", "master",
                        "replication-offset", 1L, "health", "online"),
                flat("id", A1, "port", 7003L, "ip", "", "endpoint", "", "role", "replica",
                        "replication-offset", 1L, "health", "online"),
                flat("id", A3, "port", 7005L, "ip", "10.0.0.5", "endpoint", "", "role", "replica",
                        "replication-offset", 1L, "health", "online"),
                flat("id", A2, "tls-port", 7444L, "ip", "10.0.0.3", "endpoint", "node-a2.example", "role", "replica",
                        "replication-offset", 1L, "health", "online"))));

        Shard shard = ClusterShardsParser.parse(reply, "10.9.9.9").shard(0);

        assertThat(shard.master().address()).isEqualTo("10.0.0.1:7000");
        assertThat(shard.replicas()).extracting(ClusterNode::address)
                .containsExactly("10.9.9.9:7003", "10.9.9.9:7005", "node-a2.example:7444");
    }

    @Test
    void shouldRejectMalformedReplies() {
        assertThatThrownBy(() -> ClusterShardsParser.parse(List.of(flat("slots", List.of(0L), "nodes", List.of()))))
                .isInstanceOf(TopologyParseException.class);
        assertThatThrownBy(() -> ClusterShardsParser.parse(List.of(List.of("slots"))))
                .isInstanceOf(TopologyParseException.class);
        assertThatThrownBy(() -> ClusterShardsParser.parse(List.of(flat("slots", List.of(0L, 1L)))))
                .isInstanceOf(TopologyParseException.class);
        assertThatThrownBy(() -> ClusterShardsParser.parse(List.of(flat("slots", List.of(0L, 1L), "nodes",
                List.of(nodeFields(A, 1, "boss", 0, "online"))))))
                .isInstanceOf(TopologyParseException.class).hasMessageContaining("boss");
        assertThatThrownBy(() -> ClusterShardsParser.parse(List.of(flat("slots", List.of(0L, 1L), "nodes",
                List.of(nodeFields(A1, 1, "replica", 0, "online"))))))
                .isInstanceOf(TopologyParseException.class).hasMessageContaining("no master");
    }

    private static List<Object> nodeFields(String id, int port, String role, long offset, String health) {
        return flat("id", id, "port", (long) port, "ip", "127.0.0.1", "endpoint", "127.0.0.1", "role", role,
                "replication-offset", offset, "health", health);
    }

    /** RESP2 map: alternating keys and values, strings as bulk (byte[]) the way RespValues decodes them. */
    private static List<Object> flat(Object... kv) {
        List<Object> out = new ArrayList<>();
        for (Object o : kv) {
            out.add(o instanceof String s ? bytes(s) : o);
        }
        return out;
    }

    private static Map<Object, Object> map(Object... kv) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            out.put(bytes((String) kv[i]), v instanceof String s ? bytes(s) : v);
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
