package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.slotgate.node.persistence.rdb.RdbFileReader;
import io.slotgate.node.persistence.rdb.RdbFormatException;
import io.slotgate.node.persistence.rdb.StoreValues;
import io.slotgate.node.store.Bytes;
import io.slotgate.node.store.HashValue;
import io.slotgate.node.store.ListValue;
import io.slotgate.node.store.Partition;
import io.slotgate.node.store.SetValue;
import io.slotgate.node.store.ZSetValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RdbRoundTripUnitTests {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadBackEveryTypeWithTtlsFromWhatItWrites() throws Exception {
        Partition p = new Partition(0, () -> 1_000L);
        p.set(b("s"), b("v".repeat(20_000)));
        p.set(b("ttl"), b("x"));
        p.setExpireAt(b("ttl"), 5_000L);
        ListValue l = p.getOrCreateList(b("l"));
        l.addLast(b("a"));
        l.addLast(b("b"));
        SetValue s = p.getOrCreateSet(b("set"));
        s.add(Bytes.of("m1"));
        s.add(Bytes.of("m2"));
        HashValue h = p.getOrCreateHash(b("h"));
        h.put(Bytes.of("f"), b("1"));
        ZSetValue z = p.getOrCreateZSet(b("z"));
        z.put(Bytes.of("one"), 1.5);
        z.put(Bytes.of("inf"), Double.POSITIVE_INFINITY);

        RdbWriter.Segment seg = RdbWriter.writePartition(p);
        assertThat(seg.keys()).isEqualTo(6);
        assertThat(seg.expires()).isEqualTo(1);
        ByteBuf rdb = RdbWriter.assemble("a".repeat(40), 42, List.of(seg));
        Map<String, Object> read = new HashMap<>();
        Map<String, Long> ttls = new HashMap<>();
        try {
            RdbFileReader.read(new ByteBufInputStream(rdb), e -> {
                read.put(new String(e.key(), StandardCharsets.UTF_8), StoreValues.toStore(e.value()));
                ttls.put(new String(e.key(), StandardCharsets.UTF_8), e.expireAtMs());
            });
        } finally {
            rdb.release();
        }
        assertThat(read).containsOnlyKeys("s", "ttl", "l", "set", "h", "z");
        assertThat((byte[]) read.get("s")).hasSize(20_000);
        assertThat(ttls.get("ttl")).isEqualTo(5_000L);
        assertThat(ttls.get("s")).isEqualTo(-1L);
        ListValue l2 = (ListValue) read.get("l");
        assertThat(new String(l2.get(1), StandardCharsets.UTF_8)).isEqualTo("b");
        assertThat(((SetValue) read.get("set")).contains(Bytes.of("m2"))).isTrue();
        assertThat(((HashValue) read.get("h")).get(Bytes.of("f"))).isEqualTo(b("1"));
        assertThat(((ZSetValue) read.get("z")).score(Bytes.of("inf"))).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void shouldRejectACorruptedSnapshot() {
        Partition p = new Partition(0, System::currentTimeMillis);
        p.set(b("k"), b("v"));
        ByteBuf rdb = RdbWriter.assemble("a".repeat(40), 0, List.of(RdbWriter.writePartition(p)));
        try {
            int at = rdb.writerIndex() - 12;
            rdb.setByte(at, rdb.getByte(at) ^ 1);
            assertThatThrownBy(() -> RdbFileReader.read(new ByteBufInputStream(rdb), e -> { }))
                    .isInstanceOf(RdbFormatException.class);
        } finally {
            rdb.release();
        }
    }
}
