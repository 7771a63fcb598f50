package io.slotgate.node.cluster.command;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.node.cluster.gossip.MessageType;
import io.slotgate.node.cluster.state.ClusterNodeInfo;
import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.state.SlotRange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterRepliesUnitTests {

    private static final String M = "a".repeat(40);
    private static final String R = "b".repeat(40);

    private static final List<ClusterNodeInfo> NODES = List.of(
            new ClusterNodeInfo(M, "127.0.0.1", 7100, 17100, NodeFlags.MYSELF | NodeFlags.MASTER, null, 0, 0, 1,
                    true, List.of(new SlotRange(0, 5460)), List.of()),
            new ClusterNodeInfo(R, "127.0.0.1", 7105, 17105, NodeFlags.SLAVE, M, 0, 1700000000123L, 1, true,
                    List.of(), List.of()));

    private static String render(java.util.function.Consumer<ByteBuf> writer) {
        ByteBuf buf = Unpooled.buffer();
        try {
            writer.accept(buf);
            return buf.toString(StandardCharsets.UTF_8).replace("\r\n", " ").strip();
        } finally {
            buf.release();
        }
    }

    @Test
    void shouldEncodeSlotsAsRedisDoes() {
        // cluster-protocol.md §6, observed bytes.
        assertThat(render(out -> ClusterReplies.writeSlots(out, NODES))).isEqualTo(
                "*1 *4 :0 :5460 *4 $9 127.0.0.1 :7100 $40 " + M + " *0 *4 $9 127.0.0.1 :7105 $40 " + R + " *0");
    }

    @Test
    void shouldEncodeShardsAsRedisDoes() {
        // cluster-protocol.md §7, observed bytes (offsets are 0 until replication exists).
        assertThat(render(out -> ClusterReplies.writeShards(out, NODES))).isEqualTo(
                "*1 *4 $5 slots *2 :0 :5460 $5 nodes *2"
                        + " *14 $2 id $40 " + M + " $4 port :7100 $2 ip $9 127.0.0.1 $8 endpoint $9 127.0.0.1"
                        + " $4 role $6 master $18 replication-offset :0 $6 health $6 online"
                        + " *14 $2 id $40 " + R + " $4 port :7105 $2 ip $9 127.0.0.1 $8 endpoint $9 127.0.0.1"
                        + " $4 role $7 replica $18 replication-offset :0 $6 health $7 loading");
    }

    @Test
    void shouldTerminateEveryNodesLineWithANewline() {
        assertThat(ClusterReplies.nodesText(NODES)).isEqualTo(
                M + " 127.0.0.1:7100@17100 myself,master - 0 0 1 connected 0-5460\n"
                        + R + " 127.0.0.1:7105@17105 slave " + M + " 0 1700000000123 1 connected\n");
    }

    @Test
    void shouldListOnlyNonZeroMessageCountersInTypeOrder() {
        long[] sent = new long[MessageType.MAX_WIRE_VALUE + 1];
        long[] received = new long[MessageType.MAX_WIRE_VALUE + 1];
        sent[MessageType.PING.wire()] = 3;
        sent[MessageType.MEET.wire()] = 1;
        received[MessageType.PONG.wire()] = 4;
        String info = new ClusterInfo("ok", 16384, 16384, 0, 0, 6, 3, 6, 2, sent, received).render();
        assertThat(info).isEqualTo("cluster_state:ok\r\ncluster_slots_assigned:16384\r\ncluster_slots_ok:16384\r\n"
                + "cluster_slots_pfail:0\r\ncluster_slots_fail:0\r\ncluster_known_nodes:6\r\ncluster_size:3\r\n"
                + "cluster_current_epoch:6\r\ncluster_my_epoch:2\r\n"
                + "cluster_stats_messages_ping_sent:3\r\ncluster_stats_messages_meet_sent:1\r\n"
                + "cluster_stats_messages_sent:4\r\n"
                + "cluster_stats_messages_pong_received:4\r\ncluster_stats_messages_received:4\r\n"
                + "total_cluster_links_buffer_limit_exceeded:0\r\n");
    }
}
