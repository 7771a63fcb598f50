package io.slotgate.routing.topology;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterSlotsParserUnitTests {

    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);
    private static final String A1 = "d".repeat(40);
    private static final String C = "c".repeat(40);

    @Test
    void shouldParseTheDefaultRespTwoShape() {
        // As observed on 7.0.15 (cluster-protocol.md §6): bulk endpoints, integer ports, empty metadata arrays.
        Object reply = List.of(
                List.of(0L, 5460L, node("127.0.0.1", 7000, A), node("127.0.0.1", 7003, A1)),
                List.of(5461L, 16383L, node("127.0.0.1", 7001, B)));

        SlotMap map = ClusterSlotsParser.parse(reply, "10.9.9.9");

        assertThat(map.assignedSlots()).isEqualTo(16384);
        assertThat(map.shard(0).master()).isEqualTo(new ClusterNode(A, "127.0.0.1", 7000, NodeRole.MASTER));
        assertThat(map.shard(5460).replicas())
                .containsExactly(new ClusterNode(A1, "127.0.0.1", 7003, NodeRole.REPLICA));
        assertThat(map.master(5461).address()).isEqualTo("127.0.0.1:7001");
        assertThat(map.shard(16383).replicas()).isEmpty();
    }

    @Test
    void shouldMergeTheRangesOfOneMasterIntoOneShard() {
        Object reply = List.of(
                List.of(0L, 99L, node("127.0.0.1", 7000, A), node("127.0.0.1", 7003, A1)),
                List.of(100L, 100L, node("127.0.0.1", 7001, B)),
                List.of(101L, 200L, node("127.0.0.1", 7000, A), node("127.0.0.1", 7003, A1)));

        SlotMap map = ClusterSlotsParser.parse(reply);

        assertThat(map.shards()).hasSize(2);
        assertThat(map.shard(0)).isSameAs(map.shard(200));
        assertThat(map.shard(0).replicas()).hasSize(1);
        assertThat(map.ranges(map.shard(0))).containsExactly(new SlotRange(0, 99), new SlotRange(101, 200));
        assertThat(map.assignedSlots()).isEqualTo(201);
    }

    @Test
    void shouldAcceptStringHostsAndNodesWithoutIdOrMetadata() {
        Object reply = List.of(List.of(0L, 16383L, List.of("redis-a", 6379L)));

        SlotMap map = ClusterSlotsParser.parse(reply, "fallback");

        assertThat(map.master(0)).isEqualTo(new ClusterNode(null, "redis-a", 6379, NodeRole.MASTER));
    }

    @Test
    void shouldUseTheFallbackHostForAnEmptyOrUnknownEndpoint() {
        Object reply = List.of(
                List.of(0L, 1L, node("", 7000, A)),
                List.of(2L, 3L, Arrays.asList(null, 7001L, B.getBytes(StandardCharsets.UTF_8), List.of())),
                List.of(4L, 5L, node("?", 7003, A1)),
                // unknown-endpoint: null endpoint even though the metadata names the IP (captured on 7.0.15).
                List.of(6L, 7L, Arrays.asList(null, 7002L, bytes(C), List.of(bytes("ip"), bytes("127.0.0.1")))));

        SlotMap map = ClusterSlotsParser.parse(reply, "10.0.0.5");

        assertThat(map.master(0).host()).isEqualTo("10.0.0.5");
        assertThat(map.master(2).host()).isEqualTo("10.0.0.5");
        assertThat(map.master(4).host()).isEqualTo("10.0.0.5");
        assertThat(map.master(6).host()).isEqualTo("10.0.0.5");
        assertThat(ClusterSlotsParser.parse(reply).master(0).host()).isEmpty();
    }

    @Test
    void shouldPreferTheMetadataIpOverTheFallback() {
        // cluster-preferred-endpoint-type hostname without a hostname: "?" plus {ip: ...} (§6).
        Map<Object, Object> metadata = new LinkedHashMap<>();
        metadata.put(bytes("ip"), bytes("10.1.1.1"));
        Object reply = List.of(
                List.of(0L, 1L, List.of(bytes("?"), 7000L, bytes(A), metadata)),
                List.of(2L, 3L, List.of(bytes("?"), 7001L, bytes(B), List.of(bytes("ip"), bytes("10.1.1.2")))),
                List.of(4L, 5L, List.of(bytes("host-c"), 7002L, bytes(A1),
                        List.of(bytes("ip"), bytes("10.1.1.3")))));

        SlotMap map = ClusterSlotsParser.parse(reply, "10.0.0.5");

        assertThat(map.master(0).host()).isEqualTo("10.1.1.1");
        assertThat(map.master(2).host()).isEqualTo("10.1.1.2");
        assertThat(map.master(4).host()).isEqualTo("host-c");
    }

    @Test
    void shouldGiveAnEmptyMapForAnEmptyReply() {
        assertThat(ClusterSlotsParser.parse(List.of()).assignedSlots()).isZero();
    }

    @Test
    void shouldRejectMalformedReplies() {
        assertThatThrownBy(() -> ClusterSlotsParser.parse("nope")).isInstanceOf(TopologyParseException.class);
        assertThatThrownBy(() -> ClusterSlotsParser.parse(null)).isInstanceOf(TopologyParseException.class);
        assertThatThrownBy(() -> ClusterSlotsParser.parse(List.of(List.of(0L, 1L))))
                .isInstanceOf(TopologyParseException.class);
        assertThatThrownBy(() -> ClusterSlotsParser.parse(List.of(List.of(5L, 1L, node("h", 1, A)))))
                .isInstanceOf(TopologyParseException.class);
        assertThatThrownBy(() -> ClusterSlotsParser.parse(List.of(List.of(0L, 16384L, node("h", 1, A)))))
                .isInstanceOf(TopologyParseException.class);
        assertThatThrownBy(() -> ClusterSlotsParser.parse(List.of(List.of(0L, 1L, node("h", 70000, A)))))
                .isInstanceOf(TopologyParseException.class);
        assertThatThrownBy(() -> ClusterSlotsParser.parse(List.of(List.of(0L, 1L, List.of(bytes("h"))))))
                .isInstanceOf(TopologyParseException.class);
        assertThatThrownBy(() -> ClusterSlotsParser.parse(new io.slotgate.routing.resp.RespError("ERR nope")))
                .isInstanceOf(TopologyParseException.class).hasMessageContaining("ERR nope");
    }

    private static List<Object> node(String host, int port, String id) {
        return List.of(bytes(host), (long) port, bytes(id), List.of());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
