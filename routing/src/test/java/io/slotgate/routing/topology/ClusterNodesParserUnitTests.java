package io.slotgate.routing.topology;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterNodesParserUnitTests {

    private static final String A = "07c37dfeb235213a872192d90877d0cd55635b91";
    private static final String B = "67ed2db8d677e59ec4a4cefb06858cf2a1a89fa1";
    private static final String C = "292f8b365bb7edb5e285caf0b7e6ddc7265d2f4f";
    private static final String A1 = "e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca";
    private static final String B1 = "6ec23923021cf3ffec47632106199cb7f496ce01";
    private static final String C1 = "824fe116063bc5fcf9f4ffd895bc17aee7731ac3";

    /** Six nodes viewed from A while slot 100 moves from A to B (format of cluster-protocol.md §5). */
    private static final String MIGRATING_VIEW = String.join("\n",
            A + " 127.0.0.1:30001@40001 myself,master - 0 1426238316000 1 connected 0-5460 [100->-" + B + "]",
            B + " 127.0.0.1:30002@40002 master - 0 1426238316232 2 connected 5461-10922",
            C + " 127.0.0.1:30003@40003 master - 0 1426238318243 3 connected 10923-16383",
            A1 + " 127.0.0.1:30004@40004 slave " + A + " 0 1426238317741 1 connected",
            B1 + " 127.0.0.1:30005@40005 slave " + B + " 0 1426238317741 2 connected",
            C1 + " 127.0.0.1:30006@40006 slave " + C + " 0 1426238317741 3 connected") + "\n";

    /** The same move viewed from B: the importing marker is on B's myself line. */
    private static final String IMPORTING_VIEW = String.join("\n",
            A + " 127.0.0.1:30001@40001 master - 0 1426238316000 1 connected 0-5460",
            B + " 127.0.0.1:30002@40002 myself,master - 0 0 2 connected 5461-10922 [100-<-" + A + "]",
            C + " 127.0.0.1:30003@40003 master - 0 1426238318243 3 connected 10923-16383") + "\n";

    @Test
    void shouldParseEveryFieldOfALine() {
        List<ClusterNodeEntry> entries = ClusterNodesParser.parse(MIGRATING_VIEW);

        assertThat(entries).hasSize(6);
        ClusterNodeEntry a = entries.get(0);
        assertThat(a.id()).isEqualTo(A);
        assertThat(a.ip()).isEqualTo("127.0.0.1");
        assertThat(a.port()).isEqualTo(30001);
        assertThat(a.busPort()).isEqualTo(40001);
        assertThat(a.hostname()).isNull();
        assertThat(a.flags()).containsExactlyInAnyOrder(NodeFlag.MYSELF, NodeFlag.MASTER);
        assertThat(a.masterId()).isNull();
        assertThat(a.pingSent()).isZero();
        assertThat(a.pongReceived()).isEqualTo(1426238316000L);
        assertThat(a.configEpoch()).isEqualTo(1);
        assertThat(a.connected()).isTrue();
        assertThat(a.slots()).containsExactly(new SlotRange(0, 5460));
        assertThat(a.slotCount()).isEqualTo(5461);
        assertThat(a.migrating()).isEqualTo(Map.of(100, B));
        assertThat(a.importing()).isEmpty();
        ClusterNodeEntry a1 = entries.get(3);
        assertThat(a1.isReplica()).isTrue();
        assertThat(a1.masterId()).isEqualTo(A);
        assertThat(a1.slots()).isEmpty();
    }

    @Test
    void shouldParseImportingMarkers() {
        ClusterNodeEntry b = ClusterNodesParser.parse(IMPORTING_VIEW).get(1);

        assertThat(b.isMyself()).isTrue();
        assertThat(b.importing()).isEqualTo(Map.of(100, A));
        assertThat(b.migrating()).isEmpty();
        assertThat(b.slots()).containsExactly(new SlotRange(5461, 10922));
    }

    @Test
    void shouldBuildAShardPerMasterWithItsReplicas() {
        SlotMap map = ClusterNodesParser.toSlotMap(ClusterNodesParser.parse(MIGRATING_VIEW));

        assertThat(map.assignedSlots()).isEqualTo(16384);
        assertThat(map.shards()).extracting(s -> s.master().id()).containsExactly(A, B, C);
        // A still owns the migrating slot until SETSLOT NODE; clients learn the rest from ASK.
        assertThat(map.master(100).id()).isEqualTo(A);
        assertThat(map.shard(0).replicas()).containsExactly(new ClusterNode(A1, "127.0.0.1", 30004, NodeRole.REPLICA));
        assertThat(map.shard(16383).replicas()).extracting(ClusterNode::id).containsExactly(C1);
    }

    @Test
    void shouldParseSeveralRangesAndSingleSlots() {
        String text = A + " 127.0.0.1:30001@40001 myself,master - 0 0 1 connected 0-99 101 200-16383\n";

        ClusterNodeEntry a = ClusterNodesParser.parse(text).get(0);

        assertThat(a.slots()).containsExactly(new SlotRange(0, 99), SlotRange.of(101), new SlotRange(200, 16383));
        assertThat(ClusterNodesParser.toSlotMap(List.of(a)).assignedSlots()).isEqualTo(16384 - 99);
    }

    @Test
    void shouldExcludeFailingAndUnconfirmedReplicasFromTheMapButKeepThemAsEntries() {
        String text = String.join("\n",
                A + " 127.0.0.1:30001@40001 myself,master - 0 0 1 connected 0-16383",
                A1 + " 127.0.0.1:30004@40004 slave " + A + " 0 1426238317741 1 connected",
                B1 + " 127.0.0.1:30005@40005 slave,fail? " + A + " 1426238317000 1426238316000 1 disconnected",
                C1 + " 127.0.0.1:30006@40006 slave,fail " + A + " 1426238317000 1426238316000 1 disconnected",
                B + " 127.0.0.1:30007@40007 handshake - 1426238317000 0 0 disconnected",
                C + " :0@0 slave,noaddr " + A + " 1426238317000 1426238316000 1 disconnected",
                "1111111111111111111111111111111111111111 127.0.0.1:30008@40008 slave,nofailover " + A
                        + " 0 1426238317741 1 connected") + "\n";

        List<ClusterNodeEntry> entries = ClusterNodesParser.parse(text);
        SlotMap map = ClusterNodesParser.toSlotMap(entries);

        assertThat(entries).hasSize(7);
        assertThat(entries.get(2).flags()).containsExactlyInAnyOrder(NodeFlag.REPLICA, NodeFlag.PFAIL);
        assertThat(entries.get(3).flags()).containsExactlyInAnyOrder(NodeFlag.REPLICA, NodeFlag.FAIL);
        assertThat(entries.get(3).connected()).isFalse();
        assertThat(entries.get(4).flags()).containsExactly(NodeFlag.HANDSHAKE);
        assertThat(entries.get(5).ip()).isEmpty();
        assertThat(entries.get(5).port()).isZero();
        assertThat(entries.get(5).has(NodeFlag.NOADDR)).isTrue();
        assertThat(entries.get(6).has(NodeFlag.NOFAILOVER)).isTrue();
        assertThat(entries).filteredOn(ClusterNodeEntry::isUsable).extracting(ClusterNodeEntry::id)
                .containsExactly(A, A1, "1".repeat(40));
        assertThat(map.shard(0).replicas()).extracting(ClusterNode::id).containsExactly(A1, "1".repeat(40));
    }

    @Test
    void shouldKeepAFailedMasterAsOwnerOfItsSlots() {
        String text = String.join("\n",
                A + " 127.0.0.1:30001@40001 master,fail - 1426238317000 1426238316000 1 disconnected 0-16383",
                A1 + " 127.0.0.1:30004@40004 myself,slave " + A + " 0 0 1 connected") + "\n";

        SlotMap map = ClusterNodesParser.toSlotMap(ClusterNodesParser.parse(text));

        assertThat(map.master(0).id()).isEqualTo(A);
        assertThat(map.shard(0).replicas()).extracting(ClusterNode::id).containsExactly(A1);
    }

    @Test
    void shouldParseTheHostnameFieldAndIpv6Addresses() {
        String text = String.join("\n",
                A + " 10.0.0.1:6379@16379,redis-0.example.org myself,master - 0 0 1 connected 0-8191",
                B + " ::1:6380@16380 master - 0 1426238316232 2 connected 8192-16383",
                A1 + " fe80::1:6381@16381,replica-a slave " + A + " 0 1426238316232 1 connected") + "\n";

        List<ClusterNodeEntry> entries = ClusterNodesParser.parse(text);
        SlotMap map = ClusterNodesParser.toSlotMap(entries);

        assertThat(entries.get(0).hostname()).isEqualTo("redis-0.example.org");
        assertThat(entries.get(0).ip()).isEqualTo("10.0.0.1");
        assertThat(entries.get(0).busPort()).isEqualTo(16379);
        assertThat(entries.get(1).ip()).isEqualTo("::1");
        assertThat(entries.get(1).port()).isEqualTo(6380);
        assertThat(entries.get(2).ip()).isEqualTo("fe80::1");
        assertThat(entries.get(2).hostname()).isEqualTo("replica-a");
        // MOVED names IPs by default, so the map uses them.
        assertThat(map.master(0).address()).isEqualTo("10.0.0.1:6379");
        assertThat(map.master(8192).address()).isEqualTo("::1:6380");
        assertThat(map.shard(0).replicas()).extracting(ClusterNode::host).containsExactly("fe80::1");
    }

    @Test
    void shouldUseTheFallbackHostForItsOwnLineWithoutIp() {
        // A node that was never MEET'd does not know its own IP (cluster-protocol.md §5).
        String text = A + " :30001@40001 myself,master - 0 0 0 connected 0-16383\n";

        SlotMap map = ClusterNodesParser.parseSlotMap(text, "127.0.0.1");

        assertThat(map.master(0).address()).isEqualTo("127.0.0.1:30001");
    }

    @Test
    void shouldAcceptNoflagsReplicaTokenCrlfAndDecodedReplies() {
        String text = A + " 127.0.0.1:30001@40001 myself,master - 0 0 1 connected 0-16383\r\n"
                + B + " 127.0.0.1:30002@40002 noflags - 0 0 0 connected\r\n"
                + A1 + " 127.0.0.1:30004@40004 replica " + A + " 0 0 1 connected\r\n";

        List<ClusterNodeEntry> entries = ClusterNodesParser.parseReply(text.getBytes(StandardCharsets.UTF_8));

        assertThat(entries.get(1).flags()).isEmpty();
        assertThat(entries.get(2).isReplica()).isTrue();
        assertThat(ClusterNodesParser.toSlotMap(entries).shard(0).replicas()).hasSize(1);
    }

    @Test
    void shouldRejectMalformedLines() {
        String ok = A + " 127.0.0.1:30001@40001 myself,master - 0 0 1 connected";
        for (String bad : List.of(
                A + " 127.0.0.1:30001@40001 myself,master - 0 0 1",
                A + " 127.0.0.1@40001 myself,master - 0 0 1 connected",
                A + " 127.0.0.1:x@40001 myself,master - 0 0 1 connected",
                A + " 127.0.0.1:30001@40001 myself,master - zero 0 1 connected",
                ok + " 16384",
                ok + " 5-4",
                ok + " a-b",
                ok + " [100->-" + B,
                ok + " [100-?-" + B + "]",
                ok + " [99999->-" + B + "]")) {
            assertThatThrownBy(() -> ClusterNodesParser.parse(bad + "\n")).as(bad)
                    .isInstanceOf(TopologyParseException.class).hasMessageContaining(A);
        }
        assertThatThrownBy(() -> ClusterNodesParser.parseReply(42L)).isInstanceOf(TopologyParseException.class);
        assertThatThrownBy(() -> ClusterNodesParser.parse((String) null)).isInstanceOf(TopologyParseException.class);
    }

    @Test
    void shouldGiveNothingForAnEmptyText() {
        assertThat(ClusterNodesParser.parse("")).isEmpty();
        assertThat(ClusterNodesParser.parseSlotMap("\n", "h").assignedSlots()).isZero();
    }
}
