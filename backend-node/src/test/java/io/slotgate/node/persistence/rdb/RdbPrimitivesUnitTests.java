package io.slotgate.node.persistence.rdb;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RdbPrimitivesUnitTests {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] written(java.util.function.Consumer<RdbOutput> writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.accept(new RdbOutput(bytes));
        return bytes.toByteArray();
    }

    @Test
    void shouldMatchRedisCrc64TestVector() {
        assertThat(Crc64.of(ascii("123456789"))).isEqualTo(0xe9c6d914c4b8d9caL);
        assertThat(Crc64.of(new byte[0])).isZero();
    }

    @Test
    void shouldComputeCrcIncrementallyAsInOnePass() {
        byte[] data = ascii("This is a crc64 test for redis");
        long split = Crc64.update(Crc64.of(data, 0, 10), data, 10, data.length - 10);
        assertThat(split).isEqualTo(Crc64.of(data));
    }

    @Test
    void shouldEncodeLengthsInSixFourteenThirtyTwoAndSixtyFourBits() {
        assertThat(written(o -> o.writeLength(0))).containsExactly(0x00);
        assertThat(written(o -> o.writeLength(63))).containsExactly(0x3f);
        assertThat(written(o -> o.writeLength(64))).containsExactly(0x40, 0x40);
        assertThat(written(o -> o.writeLength(16383))).containsExactly(0x7f, 0xff);
        assertThat(written(o -> o.writeLength(16384))).containsExactly(0x80, 0x00, 0x00, 0x40, 0x00);
        assertThat(written(o -> o.writeLength(0xffffffffL))).containsExactly(0x80, 0xff, 0xff, 0xff, 0xff);
        assertThat(written(o -> o.writeLength(1L << 32))).containsExactly(0x81, 0, 0, 0, 1, 0, 0, 0, 0);
    }

    @Test
    void shouldReadBackEveryLengthForm() throws Exception {
        for (long n : new long[] {0, 1, 63, 64, 300, 16383, 16384, 70000, 0xffffffffL, 1L << 32, Long.MAX_VALUE}) {
            byte[] b = written(o -> o.writeLength(n));
            assertThat(RdbInput.of(b, 0, b.length).readLength()).as("length %d", n).isEqualTo(n);
        }
    }

    @Test
    void shouldIntegerEncodeCanonicalDecimalsThatFitThirtyTwoBits() {
        assertThat(written(o -> o.writeString(ascii("12")))).containsExactly(0xc0, 0x0c);
        assertThat(written(o -> o.writeString(ascii("-128")))).containsExactly(0xc0, 0x80);
        assertThat(written(o -> o.writeString(ascii("12345")))).containsExactly(0xc1, 0x39, 0x30);
        assertThat(written(o -> o.writeString(ascii("-2147483648")))).containsExactly(0xc2, 0, 0, 0, 0x80);
    }

    @Test
    void shouldKeepNonCanonicalOrWideNumbersAsRawStrings() {
        for (String s : new String[] {"007", "-0", "+1", " 1", "2147483648", "1.5", "", "-"}) {
            byte[] b = written(o -> o.writeString(ascii(s)));
            assertThat(b[0] & 0xff).as(s).isEqualTo(s.length());
        }
    }

    @Test
    void shouldRoundTripStrings() throws Exception {
        for (String s : new String[] {"", "a", "0", "-1", "127", "128", "-32769", "4294967296", "x".repeat(70000)}) {
            byte[] b = written(o -> o.writeString(ascii(s)));
            assertThat(RdbInput.of(b, 0, b.length).readString()).as(s.length() > 20 ? "long" : s)
                    .isEqualTo(ascii(s));
        }
    }

    @Test
    void shouldDecompressRedisLzfString() throws Exception {
        // DUMP of a 100-byte "aaa..." string from redis-server 7.0 (rdbcompression yes)
        byte[] payload = HexFormat.of().parseHex("00c3094064016161e057000161610a00e8a3b507b06df271");
        assertThat(DumpPayload.verify(payload)).isTrue();
        assertThat(((RdbValue.Str) DumpPayload.read(payload)).value()).isEqualTo(ascii("a".repeat(100)));
    }

    @Test
    void shouldCompressWhatLzfCanShrinkAndDecompressItBack() throws Exception {
        java.util.Random random = new java.util.Random(42);
        StringBuilder text = new StringBuilder();
        while (text.length() < 50_000) {
            text.append("word").append(random.nextInt(500)).append(' ');
        }
        byte[] far = new byte[20_000]; // a repeat 9000 bytes back is beyond LZF's 8 KB window
        random.nextBytes(far);
        System.arraycopy(far, 0, far, 9000, 3000);
        for (byte[] in : new byte[][] {ascii("a".repeat(1000)), ascii(text.toString()), ascii("ab".repeat(300)),
                far, ascii("abcdefghij".repeat(3))}) {
            byte[] packed = Lzf.compress(in, in.length - 4);
            if (packed != null) {
                assertThat(Lzf.decompress(packed, in.length)).isEqualTo(in);
            }
        }
        assertThat(Lzf.compress(ascii("a".repeat(1000)), 996)).hasSizeLessThan(40);
    }

    @Test
    void shouldStoreIncompressibleStringsRaw() throws Exception {
        byte[] noise = new byte[500];
        new java.util.Random(7).nextBytes(noise);
        assertThat(Lzf.compress(noise, noise.length - 4)).isNull();
        byte[] b = written(o -> o.writeString(noise));
        assertThat(b[0] & 0xc0).isNotEqualTo(0xc0);
        assertThat(RdbInput.of(b, 0, b.length).readString()).isEqualTo(noise);
    }

    @Test
    void shouldCompressLikeRedisOnlyAboveTwentyBytes() {
        assertThat(written(o -> o.writeString(ascii("a".repeat(20))))[0]).isEqualTo((byte) 20);
        assertThat(written(o -> o.writeString(ascii("a".repeat(21))))[0]).isEqualTo((byte) 0xc3);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        new RdbOutput(plain, false).writeString(ascii("a".repeat(21)));
        assertThat(plain.toByteArray()[0]).isEqualTo((byte) 21);
    }

    @Test
    void shouldRefuseLzfDataThatDoesNotMatchItsLength() {
        byte[] body = HexFormat.of().parseHex("c3094063016161e05700016161");
        assertThatThrownBy(() -> RdbInput.of(body, 0, body.length).readString())
                .isInstanceOf(RdbFormatException.class);
    }

    @Test
    void shouldRefuseLengthsBeyondTheData() {
        byte[] b = {(byte) 0x80, 0x10, 0, 0, 0, 'a'};
        assertThatThrownBy(() -> RdbInput.of(b, 0, b.length).readString()).isInstanceOf(RdbFormatException.class);
    }

    @Test
    void shouldParseOnlyStrictDecimals() {
        assertThat(StrictLong.parse(ascii("-9223372036854775808"))).isEqualTo(Long.MIN_VALUE);
        assertThat(StrictLong.parse(ascii("9223372036854775807"))).isEqualTo(Long.MAX_VALUE);
        assertThat(StrictLong.parse(ascii("9223372036854775808"))).isNull();
        assertThat(StrictLong.parse(ascii("01"))).isNull();
        assertThat(StrictLong.parse(ascii("-0"))).isNull();
        assertThat(StrictLong.parse(ascii("0"))).isZero();
    }
}
