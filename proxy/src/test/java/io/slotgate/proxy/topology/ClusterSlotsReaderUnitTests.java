package io.slotgate.proxy.topology;

import io.slotgate.proxy.backend.BackendRegistry;
import io.slotgate.proxy.config.ClusterOptions;
import io.slotgate.proxy.readpolicy.ReadPolicy;
import io.slotgate.routing.resp.RespError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterSlotsReaderUnitTests {

    private final BackendRegistry registry = new BackendRegistry();
    private final ClusterSlotsReader reader =
            new ClusterSlotsReader(registry, new ReadPolicy(ClusterOptions.DEFAULT));

    @Test
    void shouldMapEverySlotToItsShard() {
        Object reply = List.of(
                range(0, 5460, node("127.0.0.1", 7000), node("127.0.0.1", 7003)),
                range(5461, 10922, node("127.0.0.1", 7001)),
                range(10923, 16383, node("127.0.0.1", 7002), node("127.0.0.1", 7004)),
                range(100, 100, node("127.0.0.1", 7001)));
        Topology t = reader.read(reply, "127.0.0.1");
        assertThat(t.assignedSlots()).isEqualTo(16384);
        assertThat(t.shards()).hasSize(3);
        assertThat(t.shard(0).master().address()).isEqualTo("127.0.0.1:7000");
        assertThat(t.shard(0).replicas()).extracting(s -> s.address()).containsExactly("127.0.0.1:7003");
        assertThat(t.shard(100).master().address()).isEqualTo("127.0.0.1:7001");
        assertThat(t.shard(16383).master().address()).isEqualTo("127.0.0.1:7002");
        assertThat(t.shard(5461)).isSameAs(t.shard(100));
        assertThat(t.roleOf(registry.get("127.0.0.1:7004"))).isEqualTo("replica");
    }

    @Test
    void shouldLeaveUnassignedSlotsEmptyAndUseTheAnsweringHostForUnknownEndpoints() {
        Object reply = List.of(range(0, 99, node("", 7000)), range(200, 299, node("?", 7001)));
        Topology t = reader.read(reply, "10.1.2.3");
        assertThat(t.assignedSlots()).isEqualTo(200);
        assertThat(t.shard(150)).isNull();
        assertThat(t.shard(0).master().address()).isEqualTo("10.1.2.3:7000");
        assertThat(t.shard(250).master().address()).isEqualTo("10.1.2.3:7001");
    }

    @Test
    void shouldRejectRepliesThatAreNotASlotTable() {
        assertThatThrownBy(() -> reader.read(new RespError("ERR This instance has cluster support disabled"), "h"))
                .hasMessageContaining("cluster support disabled");
        assertThatThrownBy(() -> reader.read("OK", "h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader.read(List.of(List.of(0L, 20000L, node("h", 1))), "h"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Object> range(long start, long end, Object... nodes) {
        List<Object> r = new java.util.ArrayList<>(List.of(start, end));
        r.addAll(List.of(nodes));
        return r;
    }

    private static Object node(String host, long port) {
        return List.of(host.getBytes(StandardCharsets.UTF_8), port, "0".repeat(40).getBytes(StandardCharsets.UTF_8),
                List.of());
    }
}
