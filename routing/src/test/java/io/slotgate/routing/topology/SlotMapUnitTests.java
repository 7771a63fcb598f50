package io.slotgate.routing.topology;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlotMapUnitTests {

    private static final ClusterNode A = new ClusterNode("a".repeat(40), "127.0.0.1", 7000, NodeRole.MASTER);
    private static final ClusterNode A1 = new ClusterNode("d".repeat(40), "127.0.0.1", 7003, NodeRole.REPLICA);
    private static final ClusterNode B = new ClusterNode("b".repeat(40), "127.0.0.1", 7001, NodeRole.MASTER);

    @Test
    void shouldAnswerEveryAssignedSlotWithItsShard() {
        Shard a = new Shard(A, List.of(A1));
        Shard b = new Shard(B, List.of());

        SlotMap map = SlotMap.builder().assign(0, 99, a).assign(100, 199, b).assign(16383, a).build();

        assertThat(map.shard(0)).isSameAs(a);
        assertThat(map.shard(99)).isSameAs(a);
        assertThat(map.shard(100)).isSameAs(b);
        assertThat(map.master(150)).isEqualTo(B);
        assertThat(map.shard(200)).isNull();
        assertThat(map.master(200)).isNull();
        assertThat(map.shard(16383)).isSameAs(a);
        assertThat(map.assignedSlots()).isEqualTo(201);
        assertThat(map.isComplete()).isFalse();
    }

    @Test
    void shouldListShardsByLowestSlotAndNodesOnce() {
        Shard a = new Shard(A, List.of(A1));
        Shard b = new Shard(B, List.of());

        SlotMap map = SlotMap.builder().assign(8000, 16383, a).assign(0, 7999, b).assign(100, a).build();

        assertThat(map.shards()).containsExactly(b, a);
        assertThat(map.nodes()).containsExactly(B, A, A1);
        assertThat(map.ranges(b)).containsExactly(new SlotRange(0, 99), new SlotRange(101, 7999));
        assertThat(map.ranges(a)).containsExactly(SlotRange.of(100), new SlotRange(8000, 16383));
        assertThat(map.isComplete()).isTrue();
    }

    @Test
    void shouldLetALaterAssignmentWin() {
        Shard a = new Shard(A, List.of());
        Shard b = new Shard(B, List.of());

        SlotMap map = SlotMap.builder().assign(0, 16383, a).assign(5, b).build();

        assertThat(map.shard(5)).isSameAs(b);
        assertThat(map.assignedSlots()).isEqualTo(16384);
    }

    @Test
    void shouldBeEmptyWithoutAssignments() {
        assertThat(SlotMap.EMPTY.assignedSlots()).isZero();
        assertThat(SlotMap.EMPTY.shards()).isEmpty();
        assertThat(SlotMap.EMPTY.nodes()).isEmpty();
        assertThat(SlotMap.builder().build().shard(42)).isNull();
    }

    @Test
    void shouldRejectBadRangesAndReuse() {
        Shard a = new Shard(A, List.of());
        SlotMap.Builder builder = SlotMap.builder();

        assertThatThrownBy(() -> builder.assign(-1, 3, a)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.assign(5, 4, a)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.assign(0, 16384, a)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.assign(0, 1, null)).isInstanceOf(IllegalArgumentException.class);
        builder.build();
        assertThatThrownBy(() -> builder.assign(0, a)).isInstanceOf(IllegalStateException.class);
    }
}
