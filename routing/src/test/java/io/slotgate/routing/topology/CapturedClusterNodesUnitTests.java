package io.slotgate.routing.topology;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CLUSTER NODES texts captured from Debian's redis-server 7.0.15 (6 nodes announcing hostnames; slot 100 being
 * moved from :31001 to :31002; replica :31006 killed until flagged fail; a MEET to a dead port in handshake).
 */
class CapturedClusterNodesUnitTests {

    private static final String NODE_31001 = "9b47850c6158fef0d29cabd1f3dba5df809a79bf";
    private static final String NODE_31002 = "c6239d018b66c7db2b3ff26e637002a215453848";
    private static final String NODE_31006 = "68d57332cf12425091610a4ac61dd7df35141754";

    @Test
    void shouldReadTheMigratingSideWithFailedReplicaAndHandshake() {
        List<ClusterNodeEntry> entries = ClusterNodesParser.parse(resource("nodes-migrating-fail-handshake-hostname.txt"));

        assertThat(entries).hasSize(7);
        ClusterNodeEntry me = entries.stream().filter(ClusterNodeEntry::isMyself).findFirst().orElseThrow();
        assertThat(me.id()).isEqualTo(NODE_31001);
        assertThat(me.hostname()).isEqualTo("host-31001.example");
        assertThat(me.busPort()).isEqualTo(41001);
        assertThat(me.migrating()).isEqualTo(Map.of(100, NODE_31002));
        ClusterNodeEntry failed = entries.stream().filter(e -> e.id().equals(NODE_31006)).findFirst().orElseThrow();
        assertThat(failed.flags()).containsExactlyInAnyOrder(NodeFlag.REPLICA, NodeFlag.FAIL);
        assertThat(failed.connected()).isFalse();
        assertThat(failed.isUsable()).isFalse();
        ClusterNodeEntry handshake = entries.stream().filter(e -> e.has(NodeFlag.HANDSHAKE)).findFirst().orElseThrow();
        assertThat(handshake.port()).isEqualTo(31999);
        assertThat(handshake.flags()).containsExactly(NodeFlag.HANDSHAKE);
    }

    @Test
    void shouldBuildAMapWithoutTheFailedReplicaOrTheHandshakeNode() {
        SlotMap map = ClusterNodesParser.parseSlotMap(resource("nodes-migrating-fail-handshake-hostname.txt"),
                "127.0.0.1");

        assertThat(map.assignedSlots()).isEqualTo(16384);
        assertThat(map.shards()).hasSize(3);
        assertThat(map.master(100).id()).isEqualTo(NODE_31001);
        assertThat(map.shard(0).replicas()).isEmpty();
        assertThat(map.nodes()).hasSize(5).extracting(ClusterNode::port).doesNotContain(31006, 31999);
        assertThat(map.master(5461).address()).isEqualTo("127.0.0.1:31002");
    }

    @Test
    void shouldReadTheImportingSide() {
        List<ClusterNodeEntry> entries = ClusterNodesParser.parse(resource("nodes-importing.txt"));

        ClusterNodeEntry me = entries.stream().filter(ClusterNodeEntry::isMyself).findFirst().orElseThrow();
        assertThat(me.id()).isEqualTo(NODE_31002);
        assertThat(me.importing()).isEqualTo(Map.of(100, NODE_31001));
        assertThat(me.slots()).containsExactly(new SlotRange(5461, 10922));
    }

    static String resource(String name) {
        try (InputStream in = CapturedClusterNodesUnitTests.class.getResourceAsStream("captured/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource captured/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
