package io.slotgate.node.persistence.rdb;

import io.slotgate.node.store.Bytes;
import io.slotgate.node.store.HashValue;
import io.slotgate.node.store.ListValue;
import io.slotgate.node.store.SetValue;
import io.slotgate.node.store.ZSetValue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RdbFileUnitTests {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] file(List<RdbEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RdbFileWriter.write(out, RdbFileWriter.defaultAux(1_700_000_000_000L), entries);
        return out.toByteArray();
    }

    @Test
    void shouldReadBackKeysValuesAndExpiries() throws Exception {
        List<RdbEntry> entries = List.of(
                new RdbEntry(b("s"), new RdbValue.Str(b("v")), RdbEntry.NO_EXPIRY),
                new RdbEntry(b("n"), new RdbValue.Str(b("42")), 4_000_000_000_000L),
                new RdbEntry(b("l"), new RdbValue.ListOf(List.of(b("a"), b("1"))), RdbEntry.NO_EXPIRY));
        byte[] bytes = file(entries);
        assertThat(new String(bytes, 0, 9, StandardCharsets.US_ASCII)).isEqualTo("REDIS0010");

        List<RdbEntry> read = new ArrayList<>();
        RdbFileReader.Summary summary = RdbFileReader.read(new ByteArrayInputStream(bytes), read::add);

        assertThat(summary.version()).isEqualTo(10);
        assertThat(summary.aux()).containsEntry("redis-ver", "7.0.15").containsEntry("ctime", "1700000000");
        assertThat(summary.keys()).isEqualTo(3);
        assertThat(read).extracting(e -> new String(e.key())).containsExactly("s", "n", "l");
        assertThat(read).extracting(RdbEntry::expireAtMs).containsExactly(-1L, 4_000_000_000_000L, -1L);
        assertThat(((RdbValue.Str) read.get(1).value()).value()).isEqualTo(b("42"));
    }

    @Test
    void shouldWriteAnEmptyFileRedisCanRead() throws Exception {
        byte[] bytes = file(List.of());
        assertThat(RdbFileReader.read(new ByteArrayInputStream(bytes), e -> { }).keys()).isZero();
    }

    @Test
    void shouldRefuseAFileWithABadChecksum() {
        byte[] bytes = file(List.of(new RdbEntry(b("k"), new RdbValue.Str(b("v")), RdbEntry.NO_EXPIRY)));
        bytes[bytes.length - 12] ^= 0x20;
        assertThatThrownBy(() -> RdbFileReader.read(new ByteArrayInputStream(bytes), e -> { }))
                .isInstanceOf(RdbFormatException.class);
    }

    @Test
    void shouldRefuseTruncatedFilesAndOtherMagic() {
        byte[] bytes = file(List.of(new RdbEntry(b("k"), new RdbValue.Str(b("v")), RdbEntry.NO_EXPIRY)));
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 12);
        assertThatThrownBy(() -> RdbFileReader.read(new ByteArrayInputStream(cut), e -> { }))
                .isInstanceOf(RdbFormatException.class);
        assertThatThrownBy(() -> RdbFileReader.read(new ByteArrayInputStream(b("NOTREDIS0010")), e -> { }))
                .isInstanceOf(RdbFormatException.class);
    }

    @Test
    void shouldConvertStoreValuesBothWays() {
        ListValue list = new ListValue();
        list.addLast(b("x"));
        list.addFirst(b("w"));
        SetValue set = new SetValue();
        set.add(Bytes.of("m"));
        ZSetValue zset = new ZSetValue();
        zset.put(Bytes.of("b"), 2);
        zset.put(Bytes.of("a"), 1);
        HashValue hash = new HashValue();
        hash.put(Bytes.of("f"), b("v"));

        ListValue list2 = (ListValue) StoreValues.toStore(StoreValues.toRdb(list));
        assertThat(list2.size()).isEqualTo(2);
        assertThat(list2.get(0)).isEqualTo(b("w"));
        assertThat(((SetValue) StoreValues.toStore(StoreValues.toRdb(set))).contains(Bytes.of("m"))).isTrue();
        ZSetValue zset2 = (ZSetValue) StoreValues.toStore(StoreValues.toRdb(zset));
        assertThat(zset2.first().member()).isEqualTo(Bytes.of("a"));
        assertThat(zset2.score(Bytes.of("b"))).isEqualTo(2.0);
        assertThat(((HashValue) StoreValues.toStore(StoreValues.toRdb(hash))).get(Bytes.of("f"))).isEqualTo(b("v"));
        byte[] s = b("str");
        assertThat(((RdbValue.Str) StoreValues.toRdbCopy(s)).value()).isEqualTo(s).isNotSameAs(s);
    }
}
