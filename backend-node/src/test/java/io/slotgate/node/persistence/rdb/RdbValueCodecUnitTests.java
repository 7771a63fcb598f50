package io.slotgate.node.persistence.rdb;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RdbValueCodecUnitTests {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<byte[]> items) {
        return items.stream().map(x -> new String(x, StandardCharsets.UTF_8)).toList();
    }

    private static RdbValue redisPayload(String hex) throws RdbFormatException {
        byte[] p = HexFormat.of().parseHex(hex);
        assertThat(DumpPayload.verify(p)).isTrue();
        return DumpPayload.read(p);
    }

    private static RdbValue roundTrip(RdbValue v) throws RdbFormatException {
        byte[] p = DumpPayload.dump(v);
        assertThat(DumpPayload.verify(p)).isTrue();
        return DumpPayload.read(p);
    }

    // ---- payloads captured from redis-server 7.0.15 ----------------------------------------------------------

    @Test
    void shouldReadRedisQuicklistOfListpacks() throws Exception {
        RdbValue v = redisPayload("1201021414000000050081610281620281630201010201ff0a00cb19745cc3eafb0d");
        assertThat(texts(((RdbValue.ListOf) v).elements())).containsExactly("a", "b", "c", "1", "2");
    }

    @Test
    void shouldReadRedisIntsets() throws Exception {
        RdbValue small = redisPayload("0b0e02000000030000000100020003000a00a5025ce26d6e4d1b");
        assertThat(texts(((RdbValue.SetOf) small).members())).containsExactly("1", "2", "3");
        RdbValue wide = redisPayload("0b140400000003000000fbffffff01000000701101000a0086a0bbcf3a22ed25");
        assertThat(texts(((RdbValue.SetOf) wide).members())).containsExactly("-5", "1", "70000");
    }

    @Test
    void shouldReadRedisListpackSortedSetAndHash() throws Exception {
        RdbValue z = redisPayload("1114140000000400816102010181620283322e3504ff0a00d44c6ea4f644d9d7");
        List<RdbValue.ScoredMember> entries = ((RdbValue.ZSetOf) z).entries();
        assertThat(entries).extracting(e -> new String(e.member())).containsExactly("a", "b");
        assertThat(entries).extracting(RdbValue.ScoredMember::score).containsExactly(1.0, 2.5);
        RdbValue h = redisPayload("10121200000004008166028176028167020101ff0a0023c1a5e35dfae81c");
        assertThat(((RdbValue.HashOf) h).entries()).extracting(e -> new String(e.field()) + "=" + new String(e.value()))
                .containsExactly("f=v", "g=1");
    }

    @Test
    void shouldReadRedisPlainSetAndStrings() throws Exception {
        assertThat(texts(((RdbValue.SetOf) redisPayload("02030162016101630a0099cc80dd5982d255")).members()))
                .containsExactly("b", "a", "c");
        assertThat(((RdbValue.Str) redisPayload("000568656c6c6f0a006372df766534200a")).value()).isEqualTo(b("hello"));
        assertThat(((RdbValue.Str) redisPayload("00c139300a009d94ea2793fc08b9")).value()).isEqualTo(b("12345"));
    }

    // ---- our encodings ---------------------------------------------------------------------------------------

    @Test
    void shouldRoundTripEveryListpackIntegerWidthAndStringLength() throws Exception {
        List<byte[]> items = new ArrayList<>();
        for (long n : new long[] {0, 127, 128, -1, -4096, 4095, 4096, -4097, 32767, -32768, 32768, 8388607,
                -8388608, 8388608, Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 31, Long.MAX_VALUE, Long.MIN_VALUE}) {
            items.add(b(Long.toString(n)));
        }
        for (int len : new int[] {0, 1, 63, 64, 127, 128, 4095, 4096, 20000}) {
            items.add(b("s".repeat(len)));
        }
        items.add(b("007"));
        byte[] lp = Listpack.encode(items);
        assertThat(Listpack.decode(lp)).containsExactlyElementsOf(items);
    }

    @Test
    void shouldRoundTripAStringValue() throws Exception {
        assertThat(((RdbValue.Str) roundTrip(new RdbValue.Str(b("hello")))).value()).isEqualTo(b("hello"));
        assertThat(((RdbValue.Str) roundTrip(new RdbValue.Str(b("-77")))).value()).isEqualTo(b("-77"));
    }

    @Test
    void shouldWriteBigListsAsSeveralQuicklistNodes() throws Exception {
        List<byte[]> elements = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            elements.add(b(i % 3 == 0 ? Integer.toString(i) : "element-" + "x".repeat(i % 50) + i));
        }
        byte[] payload = DumpPayload.dump(new RdbValue.ListOf(elements));
        assertThat(payload[0]).isEqualTo((byte) RdbType.LIST_QUICKLIST_2);
        assertThat(RdbInput.of(payload, 1, payload.length - 1).readLength()).isGreaterThan(1);
        assertThat(((RdbValue.ListOf) roundTrip(new RdbValue.ListOf(elements))).elements())
                .containsExactlyElementsOf(elements);
    }

    @Test
    void shouldRoundTripSetSortedSetAndHash() throws Exception {
        RdbValue set = roundTrip(new RdbValue.SetOf(List.of(b("x"), b("1"), b("y"))));
        assertThat(texts(((RdbValue.SetOf) set).members())).containsExactly("x", "1", "y");

        RdbValue z = roundTrip(new RdbValue.ZSetOf(List.of(new RdbValue.ScoredMember(b("m"), -0.5),
                new RdbValue.ScoredMember(b("inf"), Double.POSITIVE_INFINITY),
                new RdbValue.ScoredMember(b("tiny"), 1e-300))));
        assertThat(((RdbValue.ZSetOf) z).entries()).extracting(RdbValue.ScoredMember::score)
                .containsExactly(-0.5, Double.POSITIVE_INFINITY, 1e-300);

        RdbValue h = roundTrip(new RdbValue.HashOf(List.of(new RdbValue.FieldValue(b("f"), b("1")),
                new RdbValue.FieldValue(b("g"), b("")))));
        assertThat(((RdbValue.HashOf) h).entries()).extracting(e -> new String(e.field()) + "=" + new String(e.value()))
                .containsExactly("f=1", "g=");
    }

    /** A ziplist of "a", 5 (4-bit immediate), 300 (int16), -2 (int8). */
    private static byte[] ziplist() {
        byte[] entries = HexFormat.of().parseHex("00016103f602c02c0104fefe");
        byte[] zl = new byte[10 + entries.length + 1];
        zl[0] = (byte) zl.length;
        zl[8] = 4;
        System.arraycopy(entries, 0, zl, 10, entries.length);
        zl[zl.length - 1] = (byte) 0xff;
        return zl;
    }

    /** Decodes a value of {@code type} whose body is written by {@code body}. */
    private static RdbValue decode(int type, java.util.function.Consumer<RdbOutput> body) throws RdbFormatException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        body.accept(new RdbOutput(bytes));
        byte[] b = bytes.toByteArray();
        return RdbValueCodec.read(type, RdbInput.of(b, 0, b.length));
    }

    private static void blob(RdbOutput out, byte[] blob) {
        out.writeLength(blob.length);
        out.writeBytes(blob);
    }

    @Test
    void shouldReadOldZiplistEncodings() throws Exception {
        assertThat(texts(Ziplist.decode(ziplist()))).containsExactly("a", "5", "300", "-2");

        RdbValue list = decode(RdbType.LIST_ZIPLIST, o -> blob(o, ziplist()));
        assertThat(texts(((RdbValue.ListOf) list).elements())).containsExactly("a", "5", "300", "-2");

        RdbValue quicklist = decode(RdbType.LIST_QUICKLIST, o -> {
            o.writeLength(2);
            blob(o, ziplist());
            blob(o, ziplist());
        });
        assertThat(((RdbValue.ListOf) quicklist).elements()).hasSize(8);

        RdbValue h = decode(RdbType.HASH_ZIPLIST, o -> blob(o, ziplist()));
        assertThat(((RdbValue.HashOf) h).entries()).extracting(e -> new String(e.field()) + "=" + new String(e.value()))
                .containsExactly("a=5", "300=-2");

        RdbValue z = decode(RdbType.ZSET_ZIPLIST, o -> blob(o, ziplist()));
        assertThat(((RdbValue.ZSetOf) z).entries()).extracting(RdbValue.ScoredMember::score).containsExactly(5.0, -2.0);
    }

    @Test
    void shouldReadPlainListOldStringScoresAndSevenTwoSetListpack() throws Exception {
        RdbValue list = decode(RdbType.LIST, o -> {
            o.writeLength(2);
            o.writeString(b("x"));
            o.writeString(b("9"));
        });
        assertThat(texts(((RdbValue.ListOf) list).elements())).containsExactly("x", "9");

        RdbValue z = decode(RdbType.ZSET, o -> {
            o.writeLength(3);
            o.writeString(b("a"));
            o.writeByte(3);
            o.writeBytes(b("1.5"));
            o.writeString(b("b"));
            o.writeByte(254);
            o.writeString(b("c"));
            o.writeByte(255);
        });
        assertThat(((RdbValue.ZSetOf) z).entries()).extracting(RdbValue.ScoredMember::score)
                .containsExactly(1.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

        RdbValue set = decode(RdbType.SET_LISTPACK, o -> blob(o, Listpack.encode(List.of(b("m"), b("7")))));
        assertThat(texts(((RdbValue.SetOf) set).members())).containsExactly("m", "7");
    }

    @Test
    void shouldRefuseAnLzfLengthNoDataCouldProduce() {
        // LZF marker, 2 compressed bytes, claimed original length 0x18000000 (384 MB, 32-bit form), the 2 bytes
        byte[] body = HexFormat.of().parseHex("c3" + "02" + "8018000000" + "0000");
        assertThatThrownBy(() -> RdbInput.of(body, 0, body.length).readString())
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("impossible");
    }

    @Test
    void shouldRefuseCorruptPayloads() {
        byte[] good = DumpPayload.dump(new RdbValue.Str(b("hello")));
        byte[] flipped = good.clone();
        flipped[2] ^= 0x01;
        assertThat(DumpPayload.verify(flipped)).isFalse();
        byte[] newer = good.clone();
        newer[good.length - 10] = 11;
        assertThat(DumpPayload.verify(newer)).isFalse();
        assertThat(DumpPayload.verify(new byte[] {1, 2, 3})).isFalse();
    }

    @Test
    void shouldRefuseBodiesThatPassTheFooterButAreNotValues() {
        // a stream (unsupported), an empty set, a set with a duplicate member
        assertThatThrownBy(() -> DumpPayload.read(withFooter(new byte[] {15, 0})))
                .isInstanceOf(RdbFormatException.class);
        assertThatThrownBy(() -> DumpPayload.read(withFooter(new byte[] {2, 0})))
                .isInstanceOf(RdbFormatException.class);
        assertThatThrownBy(() -> DumpPayload.read(withFooter(new byte[] {2, 2, 1, 'a', 1, 'a'})))
                .isInstanceOf(RdbFormatException.class);
    }

    private static byte[] withFooter(byte[] body) {
        byte[] p = java.util.Arrays.copyOf(body, body.length + 10);
        p[body.length] = RdbType.RDB_VERSION;
        long crc = Crc64.of(p, 0, body.length + 2);
        for (int i = 0; i < 8; i++) {
            p[body.length + 2 + i] = (byte) (crc >>> (8 * i));
        }
        assertThat(DumpPayload.verify(p)).isTrue();
        return p;
    }
}
