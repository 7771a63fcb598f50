package io.slotgate.node.cluster.state;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterStateUnitTests {

    private static final String ME = "a".repeat(40);
    private static final String MASTER = "b".repeat(40);
    private static final String OTHER = "c".repeat(40);

    private static ClusterState state(String masterId, boolean ok) {
        String[] owners = new String[SlotSet.SLOTS];
        for (int s = 0; s < 100; s++) {
            owners[s] = masterId == null ? ME : MASTER;
        }
        for (int s = 100; s < 200; s++) {
            owners[s] = OTHER;
        }
        return new ClusterState(ME, masterId, ok, owners,
                Map.of(ME, "127.0.0.1:7000", MASTER, "127.0.0.1:7001", OTHER, "127.0.0.1:7002"));
    }

    @Test
    void shouldServeOwnSlotsAndRedirectOthers() {
        ClusterState s = state(null, true);
        assertThat(s.redirect(5, true, false, false)).isNull();
        assertThat(s.redirect(150, false, false, false)).isEqualTo("MOVED 150 127.0.0.1:7002");
        assertThat(s.redirect(300, false, false, false)).isEqualTo("CLUSTERDOWN Hash slot not served");
        assertThat(s.isReplica()).isFalse();
        assertThat(s.state()).isEqualTo("ok");
    }

    @Test
    void shouldCheckUnservedSlotsBeforeTheClusterState() {
        ClusterState s = state(null, false);
        assertThat(s.redirect(300, false, false, false)).isEqualTo("CLUSTERDOWN Hash slot not served");
        assertThat(s.redirect(5, false, false, false)).isEqualTo("CLUSTERDOWN The cluster is down");
        assertThat(s.state()).isEqualTo("fail");
    }

    @Test
    void shouldServeReadsButRefuseWritesWhileDownWhenReadsAreAllowed() {
        String[] owners = new String[SlotSet.SLOTS];
        owners[5] = ME;
        owners[150] = OTHER;
        ClusterState s = new ClusterState(ME, null, false, owners, Map.of(ME, "127.0.0.1:7000",
                OTHER, "127.0.0.1:7002"), true, "none");
        assertThat(s.redirect(5, false, false, false)).isNull();
        assertThat(s.redirect(5, true, false, false))
                .isEqualTo("CLUSTERDOWN The cluster is down and only accepts read commands");
        assertThat(s.redirect(150, false, false, false)).isEqualTo("MOVED 150 127.0.0.1:7002");
        assertThat(s.redirect(300, false, false, false)).isEqualTo("CLUSTERDOWN Hash slot not served");
        assertThat(s.infoSection()).isEqualTo("cluster_enabled:1\r\ncluster_failover_state:none\r\n");
    }

    @Test
    void shouldLetAReplicaServeReadonlyReadsOfItsMastersSlotsOnly() {
        ClusterState s = state(MASTER, true);
        assertThat(s.isReplica()).isTrue();
        assertThat(s.redirect(5, false, true, false)).isNull();
        assertThat(s.redirect(5, false, false, false)).isEqualTo("MOVED 5 127.0.0.1:7001");
        assertThat(s.redirect(5, true, true, false)).isEqualTo("MOVED 5 127.0.0.1:7001");
        assertThat(s.redirect(150, false, true, false)).isEqualTo("MOVED 150 127.0.0.1:7002");
    }

    @Test
    void shouldFormatFlagsInRedisOrder() {
        assertThat(NodeFlags.format(NodeFlags.MASTER | NodeFlags.MYSELF)).isEqualTo("myself,master");
        assertThat(NodeFlags.format(NodeFlags.SLAVE | NodeFlags.FAIL | NodeFlags.PFAIL)).isEqualTo("slave,fail?,fail");
        assertThat(NodeFlags.format(NodeFlags.MEET)).isEqualTo("noflags");
        assertThat(NodeFlags.parse("myself,master")).isEqualTo(NodeFlags.MASTER | NodeFlags.MYSELF);
    }

    @Test
    void shouldConvertSlotBitmapsLeastSignificantBitFirst() {
        SlotSet set = new SlotSet();
        set.add(0);
        set.add(9);
        set.add(16383);
        byte[] bytes = set.toBytes();
        assertThat(bytes[0]).isEqualTo((byte) 1);
        assertThat(bytes[1]).isEqualTo((byte) 2);
        assertThat(bytes[2047]).isEqualTo((byte) 0x80);
        assertThat(SlotSet.fromBytes(bytes)).isEqualTo(set);
        assertThat(SlotSet.fromBytes(bytes).count()).isEqualTo(3);
        assertThat(set.ranges()).containsExactly(new SlotRange(0, 0), new SlotRange(9, 9), new SlotRange(16383, 16383));
    }
}
