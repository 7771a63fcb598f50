package io.slotgate.node.store;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DumpFormatUnitTests {

    @Test
    void shouldComputeRedisCrc64() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc64.crc(check, 0, check.length)).isEqualTo(0xE9C6D914C4B8D9CAL);
    }

    @Test
    void shouldDumpAnIntegerStringAsRedisDoes() {
        // cluster-protocol.md §10.2: "10" dumps to 00 C0 0A 0A 00 + CRC 6E 9F 57 45 0E AE 63 BB
        assertThat(HexFormat.of().formatHex(DumpFormat.dump("10".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("00c00a0a006e9f57450eae63bb");
    }

    @Test
    void shouldRoundTripEveryType() {
        ListValue l = new ListValue();
        l.addLast("a".getBytes());
        l.addLast("12345".getBytes());
        HashValue h = new HashValue();
        h.put(Bytes.of("f"), "v".repeat(100).getBytes());
        SetValue s = new SetValue();
        s.add(Bytes.of("-7"));
        ZSetValue z = new ZSetValue();
        z.put(Bytes.of("m"), 1.5);
        z.put(Bytes.of("n"), Double.NEGATIVE_INFINITY);
        assertThat((byte[]) DumpFormat.restore(DumpFormat.dump("-100000".getBytes()))).isEqualTo("-100000".getBytes());
        ListValue l2 = (ListValue) DumpFormat.restore(DumpFormat.dump(l));
        assertThat(l2.size()).isEqualTo(2);
        assertThat(l2.get(1)).isEqualTo("12345".getBytes());
        assertThat(((HashValue) DumpFormat.restore(DumpFormat.dump(h))).get(Bytes.of("f"))).hasSize(100);
        assertThat(((SetValue) DumpFormat.restore(DumpFormat.dump(s))).contains(Bytes.of("-7"))).isTrue();
        ZSetValue z2 = (ZSetValue) DumpFormat.restore(DumpFormat.dump(z));
        assertThat(z2.score(Bytes.of("n"))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(z2.score(Bytes.of("m"))).isEqualTo(1.5);
    }

    @Test
    void shouldReadRedisLzfCompressedStrings() {
        // DUMP of "a" x 200 from redis-server 7.0.15
        byte[] payload = HexFormat.of().parseHex("00c309" + "40c8" + "016161e0bb00016161" + "0a00"
                + "1f99f72e01b20de3");
        assertThat(new String((byte[]) DumpFormat.restore(payload), StandardCharsets.US_ASCII)).isEqualTo("a".repeat(200));
    }

    @Test
    void shouldRejectCorruptPayloadsWithRedisErrors() {
        byte[] ok = DumpFormat.dump("hello".getBytes());
        byte[] flipped = ok.clone();
        flipped[2] ^= 1;
        assertThatThrownBy(() -> DumpFormat.restore(flipped)).hasMessage("ERR DUMP payload version or checksum are wrong");
        assertThatThrownBy(() -> DumpFormat.restore(new byte[3])).hasMessage("ERR DUMP payload version or checksum are wrong");
    }
}
