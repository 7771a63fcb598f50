package io.slotgate.node.cluster.config;

import io.slotgate.node.cluster.state.ClusterNodeInfo;
import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.state.SlotRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodesConfUnitTests {

    private static final String A = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    private static final String B = "c3d4e5f60718293a4b5c6d7e8f90123456789abc";
    private static final String C = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";

    private static final String TEXT = ""
            + A + " 127.0.0.1:7000@17000 myself,master - 0 1700000000000 1 connected 0-5460 6000\n"
            + B + " 127.0.0.1:7001@17001 master - 0 1700000000123 2 disconnected 5461-5999 6001-16383\n"
            + C + " 127.0.0.1:7003@17003 slave " + A + " 0 1700000000789 1 connected\n"
            + "vars currentEpoch 6 lastVoteEpoch 3\n";

    @Test
    void shouldParseAndRenderRedisNodesConfByteForByte() {
        NodesConf conf = NodesConf.parse(TEXT);
        assertThat(conf.render()).isEqualTo(TEXT);
        assertThat(conf.currentEpoch()).isEqualTo(6);
        assertThat(conf.lastVoteEpoch()).isEqualTo(3);
        ClusterNodeInfo me = conf.myself();
        assertThat(me.id()).isEqualTo(A);
        assertThat(me.slots()).containsExactly(new SlotRange(0, 5460), new SlotRange(6000, 6000));
        ClusterNodeInfo replica = conf.nodes().get(2);
        assertThat(replica.masterId()).isEqualTo(A);
        assertThat(replica.flags()).isEqualTo(NodeFlags.SLAVE);
        assertThat(conf.nodes().get(1).connected()).isFalse();
    }

    @Test
    void shouldRaiseCurrentEpochToTheLargestConfigEpoch() {
        NodesConf conf = NodesConf.parse(A + " :7000@17000 myself,master - 0 0 9 connected\nvars currentEpoch 2 lastVoteEpoch 0\n");
        assertThat(conf.currentEpoch()).isEqualTo(9);
    }

    @Test
    void shouldDefaultTheBusPortAndIgnoreBlankLinesAndHostnames() {
        NodesConf conf = NodesConf.parse("\n" + A + " 10.0.0.5:7000,host.example myself,master - 0 0 0 connected\n\n");
        assertThat(conf.myself().busPort()).isEqualTo(17000);
        assertThat(conf.myself().ip()).isEqualTo("10.0.0.5");
    }

    @Test
    void shouldLeaveHandshakeNodesOut() {
        ClusterNodeInfo me = new ClusterNodeInfo(A, "", 7000, 17000, NodeFlags.MYSELF | NodeFlags.MASTER, null, 0, 0,
                0, true, List.of(), List.of());
        ClusterNodeInfo hs = new ClusterNodeInfo(B, "127.0.0.1", 7001, 17001, NodeFlags.HANDSHAKE, null, 0, 0, 0,
                false, List.of(), List.of());
        assertThat(new NodesConf(List.of(me, hs), 0, 0).render())
                .isEqualTo(A + " :7000@17000 myself,master - 0 0 0 connected\nvars currentEpoch 0 lastVoteEpoch 0\n");
    }

    @Test
    void shouldRejectCorruptedContent() {
        assertThatThrownBy(() -> NodesConf.parse("vars currentEpoch 1 lastVoteEpoch 0\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("myself");
        assertThatThrownBy(() -> NodesConf.parse(A + " :7000@17000 myself,master - 0 0 0 connected\n"
                + B + " :7001@17001 myself,master - 0 0 0 connected\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodesConf.parse(A + " :7000@17000 myself,boss - 0 0 0 connected\n"))
                .hasMessageContaining("boss");
        assertThatThrownBy(() -> NodesConf.parse(A + " :7000@17000 myself,master - 0 0\n"))
                .hasMessageContaining("8 fields");
        assertThatThrownBy(() -> NodesConf.parse("XYZ :7000@17000 myself,master - 0 0 0 connected\n"))
                .hasMessageContaining("node id");
        assertThatThrownBy(() -> NodesConf.parse(A + " :7000@17000 myself,master - 0 0 0 connected 5-2\n"))
                .hasMessageContaining("slot range");
        assertThatThrownBy(() -> NodesConf.parse(A + " :7000@17000 myself,master - 0 0 0 connected\nvars currentEpoch\n"))
                .hasMessageContaining("vars");
    }

    @Test
    void shouldSaveAtomicallyAndLoadTheSameContent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nodes.conf");
        try (NodesConfFile conf = new NodesConfFile(file)) {
            conf.lock();
            assertThat(conf.load()).isEmpty();
            conf.save(NodesConf.parse(TEXT));
            assertThat(Files.readString(file)).isEqualTo(TEXT);
            conf.save(NodesConf.parse(TEXT.replace("lastVoteEpoch 3", "lastVoteEpoch 4")));
            assertThat(conf.load()).get().extracting(NodesConf::lastVoteEpoch).isEqualTo(4L);
            assertThat(Files.exists(dir.resolve("nodes.conf.tmp"))).isFalse();
        }
    }

    @Test
    void shouldRefuseASecondNodeOnTheSameFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nodes.conf");
        try (NodesConfFile first = new NodesConfFile(file); NodesConfFile second = new NodesConfFile(file)) {
            first.lock();
            assertThatThrownBy(second::lock).isInstanceOf(IOException.class).hasMessageContaining("locked");
        }
    }
}
