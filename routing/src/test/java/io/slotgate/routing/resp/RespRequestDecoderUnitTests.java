package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RespRequestDecoderUnitTests {

    private static final byte[] SET = bytes("*3\r\n$3\r\nSET\r\n$5\r\nkey:1\r\n$5\r\nvalue\r\n");
    private static final byte[] GET = bytes("*2\r\n$3\r\nGET\r\n$5\r\nkey:1\r\n");
    private static final byte[] BINARY = bytes("*2\r\n$4\r\nECHO\r\n$6\r\na\r\n\0\u00ffb\r\n");
    private static final byte[] EMPTY_ARG = bytes("*2\r\n$4\r\nECHO\r\n$0\r\n\r\n");
    private static final byte[] INLINE = bytes("set k \"v 1\"\r\n");

    /** What one decoded message looked like: the arguments (ISO-8859-1) and the frame bytes, or the error. */
    record Decoded(List<String> args, String frame, boolean inline, RespProtocolError error) {
        static Decoded request(String frame, boolean inline, String... args) {
            return new Decoded(List.of(args), frame, inline, null);
        }

        static Decoded error(String message) {
            return new Decoded(null, null, false, new RespProtocolError(message));
        }
    }

    // ---------------------------------------------------------------------------------------------- framing

    @Test
    void shouldDecodeEveryFrameSplitAtEveryByte() {
        byte[] pipeline = concat(SET, GET, BINARY, EMPTY_ARG, INLINE, bytes("*0\r\n*-1\r\n\r\nPING\n"), SET);
        List<Decoded> expected = decodeInOnePiece(pipeline);
        assertThat(expected).hasSize(7);
        for (int split = 1; split < pipeline.length; split++) {
            assertThat(decodeChunks(new RespRequestDecoder(), split(pipeline, split)))
                    .as("split at %d", split).isEqualTo(expected);
        }
        for (int a = 1; a < pipeline.length; a += 3) {
            for (int b = a + 1; b < pipeline.length; b += 5) {
                assertThat(decodeChunks(new RespRequestDecoder(), split(pipeline, a, b)))
                        .as("split at %d and %d", a, b).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldDecodeTheExpectedArgumentsAndFrames() {
        assertThat(decodeInOnePiece(concat(SET, BINARY, EMPTY_ARG))).containsExactly(
                Decoded.request(str(SET), false, "SET", "key:1", "value"),
                Decoded.request(str(BINARY), false, "ECHO", "a\r\n\0\u00ffb"),
                Decoded.request(str(EMPTY_ARG), false, "ECHO", ""));
    }

    @Test
    void shouldReassembleRandomSplitsOfARandomPipeline() {
        Random random = new Random(20261121L);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<Decoded> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String[] args = new String[1 + random.nextInt(5)];
            for (int a = 0; a < args.length; a++) {
                byte[] arg = new byte[random.nextInt(a == 0 ? 10 : 300)];
                random.nextBytes(arg);
                args[a] = new String(arg, StandardCharsets.ISO_8859_1);
            }
            byte[] frame = multibulk(args);
            wire.writeBytes(frame);
            expected.add(Decoded.request(str(frame), false, args));
        }
        byte[] all = wire.toByteArray();
        for (int round = 0; round < 20; round++) {
            List<byte[]> chunks = new ArrayList<>();
            for (int p = 0; p < all.length; ) {
                int n = Math.min(all.length - p, 1 + random.nextInt(round % 2 == 0 ? 16 : 4096));
                chunks.add(Arrays.copyOfRange(all, p, p + n));
                p += n;
            }
            assertThat(decodeChunks(new RespRequestDecoder(), chunks)).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void shouldDecodeAPipelineOfTenThousandCommands() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < 10_000; i++) {
            wire.writeBytes(i % 2 == 0 ? multibulk("SET", "key:" + i, "v" + i) : multibulk("GET", "key:" + i));
        }
        List<Decoded> decoded = decodeInOnePiece(wire.toByteArray());
        assertThat(decoded).hasSize(10_000);
        assertThat(decoded.get(0).args()).containsExactly("SET", "key:0", "v0");
        assertThat(decoded.get(9_999).args()).containsExactly("GET", "key:9999");
        for (int i = 0; i < decoded.size(); i++) {
            assertThat(decoded.get(i).args().get(1)).isEqualTo("key:" + i);
        }
    }

    @Test
    void shouldReassembleABigBulkFedInSmallChunks() {
        String big = "x".repeat(3 * 1024 * 1024 + 7);
        byte[] frame = multibulk("SET", "big", big);
        List<byte[]> chunks = new ArrayList<>();
        for (int p = 0; p < frame.length; p += 1500) {
            chunks.add(Arrays.copyOfRange(frame, p, Math.min(frame.length, p + 1500)));
        }
        List<Decoded> decoded = decodeChunks(new RespRequestDecoder(), chunks);
        assertThat(decoded).hasSize(1);
        assertThat(decoded.get(0).args().get(2)).hasSize(big.length());
    }

    @Test
    void shouldSliceFramesOutOfTheReceivedBytesWithoutCopying() {
        RespRequestDecoder decoder = new RespRequestDecoder();
        ByteBuf in = Unpooled.copiedBuffer(concat(SET, GET));
        List<Object> out = new ArrayList<>();
        decoder.decode(in, out);
        assertThat(out).hasSize(2);
        RespRequest set = (RespRequest) out.get(0);
        RespRequest get = (RespRequest) out.get(1);
        assertThat(in.refCnt()).isEqualTo(3);
        in.setByte(SET.length - 3, 'X'); // last byte of "value"; the request sees the change: same memory
        assertThat(set.argString(2)).isEqualTo("valuX");
        assertThat(set.argSlot(1)).isEqualTo(get.argSlot(1));
        assertThat(get.frame().readableBytes()).isEqualTo(GET.length);
        in.release();
        set.release();
        get.release();
        assertThat(in.refCnt()).isZero();
    }

    @Test
    void shouldKeepAPartialRequestInTheBufferWhenUsedOutsideAPipeline() {
        RespRequestDecoder decoder = new RespRequestDecoder();
        ByteBuf in = Unpooled.buffer();
        List<Object> out = new ArrayList<>();
        in.writeBytes(SET, 0, 20);
        decoder.decode(in, out);
        assertThat(out).isEmpty();
        assertThat(in.readableBytes()).isEqualTo(20);
        in.writeBytes(SET, 20, SET.length - 20);
        decoder.decode(in, out);
        assertThat(out).hasSize(1);
        assertThat(((RespRequest) out.get(0)).argString(2)).isEqualTo("value");
        ((RespRequest) out.get(0)).release();
        in.release();
        assertThat(in.refCnt()).isZero();
    }

    @Test
    void shouldIgnoreEmptyAndNegativeMultibulkCountsAndEmptyInlineLines() {
        assertThat(decodeInOnePiece(bytes("*0\r\n*-1\r\n*-5\r\n\r\n\n  \t \r\n"))).isEmpty();
        assertThat(decodeInOnePiece(bytes("*0\r\nPING\r\n"))).containsExactly(
                Decoded.request("*1\r\n$4\r\nPING\r\n", true, "PING"));
    }

    @Test
    void shouldSkipTheTwoBytesAfterBulkDataUncheckedAsRedisDoes() {
        // Redis reads len+2 bytes and does not look at the last two; "*1\r\n$4\r\nPINGXX" is a PING.
        assertThat(decodeInOnePiece(bytes("*1\r\n$4\r\nPINGXX*1\rX$4\r\nPING\r\n")))
                .extracting(Decoded::args).containsExactly(List.of("PING"), List.of("PING"));
    }

    // ----------------------------------------------------------------------------------------------- inline

    @Test
    void shouldSplitInlineCommandsWithRedisQuotingRules() {
        assertInline("PING\r\n", "PING");
        assertInline("PING\n", "PING");
        assertInline("  set   k\tv  \r\n", "set", "k", "v");
        assertInline("SET k \"hello world\"\r\n", "SET", "k", "hello world");
        assertInline("ECHO \"a\\\"b\\n\\r\\t\\b\\a\\\\\\x41\\x4g\"\r\n", "ECHO", "a\"b\n\r\t\b\u0007\\Ax4g");
        assertInline("ECHO 'it\\'s' '\\n'\r\n", "ECHO", "it's", "\\n");
        assertInline("ECHO x\"y z\" \"\" ''\r\n", "ECHO", "xy z", "", "");
        assertInline("ECHO a\rb\r\n", "ECHO", "a", "b");
        assertInline("ECHO \u00ff\u00fe\r\n", "ECHO", "\u00ff\u00fe");
    }

    @Test
    void shouldReEncodeInlineCommandsAsMultibulkFrames() {
        assertThat(decodeInOnePiece(INLINE)).containsExactly(
                Decoded.request("*3\r\n$3\r\nset\r\n$1\r\nk\r\n$3\r\nv 1\r\n", true, "set", "k", "v 1"));
    }

    // ------------------------------------------------------------------------------------------- malformed

    static List<MalformedRequests.Case> malformed() {
        return MalformedRequests.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void shouldAnswerMalformedInputWithRedisProtocolError(MalformedRequests.Case c) {
        assertThat(decodeInOnePiece(c.input())).containsExactly(Decoded.error(c.expectedMessage()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void shouldGiveTheSameErrorWhateverTheSplitAndDiscardLaterInput(MalformedRequests.Case c) {
        byte[] input = concat(GET, c.input());
        int step = input.length > 1000 ? 997 : 1;
        for (int split = 1; split < input.length; split += step) {
            List<byte[]> chunks = new ArrayList<>(split(input, split));
            chunks.add(SET);
            chunks.add(bytes("PING\r\n"));
            List<Decoded> decoded = decodeChunks(new RespRequestDecoder(), chunks);
            assertThat(decoded).as("split at %d", split).containsExactly(
                    Decoded.request(str(GET), false, "GET", "key:1"), Decoded.error(c.expectedMessage()));
        }
    }

    @Test
    void shouldApplyConfiguredLimits() {
        RespLimits small = new RespLimits(10, 3, 100);
        assertThat(decodeChunks(new RespRequestDecoder(small), List.of(bytes("*1\r\n$10\r\n0123456789\r\n"))))
                .extracting(Decoded::args).containsExactly(List.of("0123456789"));
        assertThat(decodeChunks(new RespRequestDecoder(small), List.of(bytes("*1\r\n$11\r\n"))))
                .containsExactly(Decoded.error("invalid bulk length"));
        assertThat(decodeChunks(new RespRequestDecoder(small), List.of(bytes("*4\r\n"))))
                .containsExactly(Decoded.error("invalid multibulk length"));
        assertThat(decodeChunks(new RespRequestDecoder(small), List.of(bytes("PING " + "x".repeat(96)))))
                .containsExactly(Decoded.error("too big inline request"));
        assertThat(decodeChunks(new RespRequestDecoder(small), List.of(bytes("PING " + "x".repeat(95)))))
                .isEmpty();
    }

    @Test
    void shouldNotTrustAHugeDeclaredCountWithMemory() {
        // One billion declared arguments, two sent: the decoder waits for more without allocating for the rest.
        List<Decoded> decoded = decodeChunks(new RespRequestDecoder(),
                List.of(bytes("*1000000000\r\n$3\r\nGET\r\n$1\r\nk\r\n")));
        assertThat(decoded).isEmpty();
    }

    @Test
    void shouldOnlyEverEmitRequestsOrOneErrorForRandomGarbage() {
        Random random = new Random(7);
        byte[] alphabet = bytes("*$\r\n0123456789-+ \t\"'\\xab");
        for (int round = 0; round < 3000; round++) {
            byte[] input = new byte[1 + random.nextInt(40)];
            for (int i = 0; i < input.length; i++) {
                input[i] = random.nextInt(10) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            int split = random.nextInt(input.length + 1);
            // decodeChunks fails on any exception or unreleased buffer; here we check the shape of the output.
            List<Decoded> decoded = decodeChunks(new RespRequestDecoder(), split(input, split));
            for (int i = 0; i < decoded.size(); i++) {
                boolean last = i == decoded.size() - 1;
                assertThat(decoded.get(i).error() == null || last).as("error only at the end").isTrue();
                assertThat(decoded.get(i).error() != null || !decoded.get(i).args().isEmpty()).isTrue();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static void assertInline(String line, String... args) {
        List<Decoded> decoded = decodeInOnePiece(bytes(line));
        assertThat(decoded).as(line).hasSize(1);
        assertThat(decoded.get(0).args()).as(line).containsExactly(args);
        assertThat(decoded.get(0).inline()).isTrue();
        assertThat(decoded.get(0).frame()).isEqualTo(str(multibulk(args)));
    }

    private static List<Decoded> decodeInOnePiece(byte[] input) {
        return decodeChunks(new RespRequestDecoder(), List.of(input));
    }

    /**
     * Feeds the chunks through an EmbeddedChannel, converts what comes out, releases it, and checks that every
     * input buffer was released.
     */
    private static List<Decoded> decodeChunks(RespRequestDecoder decoder, List<byte[]> chunks) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        List<ByteBuf> inputs = new ArrayList<>();
        List<Decoded> decoded = new ArrayList<>();
        try {
            for (byte[] chunk : chunks) {
                ByteBuf buf = Unpooled.buffer(chunk.length).writeBytes(chunk); // a real buffer even when empty
                inputs.add(buf);
                channel.writeInbound(buf);
                drain(channel, decoded);
            }
            channel.finish();
            drain(channel, decoded);
        } finally {
            channel.finishAndReleaseAll();
        }
        for (ByteBuf in : inputs) {
            assertThat(in.refCnt()).as("input buffer released").isZero();
        }
        return decoded;
    }

    private static void drain(EmbeddedChannel channel, List<Decoded> decoded) {
        for (Object msg; (msg = channel.readInbound()) != null; ) {
            if (msg instanceof RespProtocolError error) {
                decoded.add(new Decoded(null, null, false, error));
                continue;
            }
            RespRequest request = (RespRequest) msg;
            try {
                String[] args = new String[request.argCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = request.arg(i).toString(StandardCharsets.ISO_8859_1);
                }
                decoded.add(Decoded.request(request.frame().toString(StandardCharsets.ISO_8859_1),
                        request.isInline(), args));
            } finally {
                assertThat(request.release()).as("request fully released").isTrue();
            }
        }
    }

    private static byte[] multibulk(String... args) {
        StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            sb.append('$').append(a.length()).append("\r\n").append(a).append("\r\n");
        }
        return bytes(sb.toString());
    }

    private static List<byte[]> split(byte[] input, int... at) {
        List<byte[]> chunks = new ArrayList<>();
        int from = 0;
        for (int p : at) {
            chunks.add(Arrays.copyOfRange(input, from, p));
            from = p;
        }
        chunks.add(Arrays.copyOfRange(input, from, input.length));
        return chunks;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
