package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RespReplyScannerUnitTests {

    /** One complete reply of every RESP2 and RESP3 type, nested aggregates included. */
    private static final List<String> REPLIES = List.of(
            "+OK\r\n",
            "-MOVED 3999 127.0.0.1:6381\r\n",
            ":-12345\r\n",
            "$5\r\nhe\r\nx\r\n",
            "$0\r\n\r\n",
            "$-1\r\n",
            "*-1\r\n",
            "*0\r\n",
            "*3\r\n:1\r\n$3\r\nfoo\r\n*2\r\n+a\r\n*1\r\n$-1\r\n",
            "_\r\n",
            ",3.14\r\n",
            ",-inf\r\n",
            "#t\r\n",
            "(3492890328409238509324850943850943825024385\r\n",
            "!21\r\nSYNTAX invalid syntax\r\n",
            "=15\r\ntxt:Some string\r\n",
            "%2\r\n+first\r\n:1\r\n$6\r\nsecond\r\n%1\r\n+in\r\n~2\r\n#f\r\n_\r\n",
            "%0\r\n",
            "~3\r\n:1\r\n:2\r\n*1\r\n:3\r\n",
            ">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$5\r\nhello\r\n",
            "|1\r\n+key-popularity\r\n%2\r\n$1\r\na\r\n,0.1923\r\n$1\r\nb\r\n,0.0012\r\n*2\r\n:2039123\r\n:9543892\r\n",
            "|1\r\n+ttl\r\n:5\r\n|1\r\n+nested\r\n_\r\n+value\r\n",
            "*2\r\n|1\r\n+a\r\n+b\r\n:1\r\n:2\r\n");

    @Test
    void shouldFindTheEndOfEveryReplyType() {
        for (String reply : REPLIES) {
            ByteBuf buf = Unpooled.copiedBuffer(reply + "+NEXT\r\n", StandardCharsets.ISO_8859_1);
            try {
                assertThat(new RespReplyScanner().scan(buf)).as(reply).isEqualTo(reply.length());
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void shouldNeedMoreBytesForEveryProperPrefix() {
        for (String reply : REPLIES) {
            ByteBuf buf = Unpooled.buffer();
            try {
                RespReplyScanner scanner = new RespReplyScanner();
                byte[] bytes = reply.getBytes(StandardCharsets.ISO_8859_1);
                // Byte by byte into the same scanner: it resumes where it stopped.
                for (int i = 0; i < bytes.length - 1; i++) {
                    buf.writeByte(bytes[i]);
                    assertThat(scanner.scan(buf)).as("%s after %d bytes", reply, i + 1).isEqualTo(-1);
                }
                buf.writeByte(bytes[bytes.length - 1]);
                assertThat(scanner.scan(buf)).as(reply).isEqualTo(bytes.length);
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void shouldCutAPipelinedStreamSplitAtEveryByteIntoReplies() {
        String stream = String.join("", REPLIES);
        for (int split = 1; split < stream.length(); split++) {
            assertThat(decode(stream.substring(0, split), stream.substring(split))).as("split at %d", split)
                    .isEqualTo(REPLIES);
        }
    }

    @Test
    void shouldCutRandomlyNestedRepliesSplitRandomly() {
        Random random = new Random(42);
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            replies.add(randomReply(random, 0));
        }
        String stream = String.join("", replies);
        for (int round = 0; round < 10; round++) {
            List<String> chunks = new ArrayList<>();
            for (int p = 0; p < stream.length(); ) {
                int n = Math.min(stream.length() - p, 1 + random.nextInt(64));
                chunks.add(stream.substring(p, p + n));
                p += n;
            }
            assertThat(decode(chunks.toArray(String[]::new))).isEqualTo(replies);
        }
        // The value decoder agrees with the scanner on where each reply ends.
        ByteBuf all = Unpooled.copiedBuffer(stream, StandardCharsets.ISO_8859_1);
        try {
            for (String reply : replies) {
                int before = all.readerIndex();
                RespValues.read(all);
                assertThat(all.readerIndex() - before).isEqualTo(reply.length());
            }
        } finally {
            all.release();
        }
    }

    @Test
    void shouldResumeABigBulkWithoutLosingItsPlace() {
        int size = 200_000;
        ByteBuf buf = Unpooled.buffer();
        try {
            RespReplyScanner scanner = new RespReplyScanner();
            buf.writeCharSequence("*2\r\n$" + size + "\r\n", StandardCharsets.US_ASCII);
            assertThat(scanner.scan(buf)).isEqualTo(-1);
            for (int i = 0; i < size; i += 1000) {
                buf.writeZero(1000);
                assertThat(scanner.scan(buf)).isEqualTo(-1);
            }
            buf.writeCharSequence("\r\n:7\r\n", StandardCharsets.US_ASCII);
            assertThat(scanner.scan(buf)).isEqualTo(buf.readableBytes());
        } finally {
            buf.release();
        }
    }

    @Test
    void shouldRejectMalformedReplies() {
        for (String bad : List.of("?3\r\n", "$abc\r\n", "$-2\r\n", "*-2\r\n", "%-1\r\n", "$3\r\nabcde\r\n",
                "+OK\n", "\r\n", "_x\r\n", "*1\r\n@\r\n")) {
            ByteBuf buf = Unpooled.copiedBuffer(bad, StandardCharsets.ISO_8859_1);
            try {
                assertThatThrownBy(() -> new RespReplyScanner().scan(buf)).as(bad)
                        .isInstanceOf(RespProtocolException.class);
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void shouldBoundNestingDepthAndLineLength() {
        ByteBuf deep = Unpooled.copiedBuffer("*1\r\n".repeat(RespReplyScanner.MAX_DEPTH + 1), StandardCharsets.US_ASCII);
        ByteBuf longLine = Unpooled.buffer().writeByte('+').writeZero(RespReplyScanner.MAX_LINE_LENGTH + 1);
        try {
            assertThatThrownBy(() -> new RespReplyScanner().scan(deep)).hasMessageContaining("nested");
            assertThatThrownBy(() -> new RespReplyScanner().scan(longLine)).hasMessageContaining("line");
        } finally {
            deep.release();
            longLine.release();
        }
    }

    @Test
    void shouldFailOnceAndDiscardTheRestOfAMalformedStream() {
        EmbeddedChannel channel = new EmbeddedChannel(new RespReplyDecoder());
        ByteBuf good = Unpooled.copiedBuffer("+OK\r\n", StandardCharsets.US_ASCII);
        ByteBuf bad = Unpooled.copiedBuffer("?oops\r\n", StandardCharsets.US_ASCII);
        ByteBuf later = Unpooled.copiedBuffer(":1\r\n", StandardCharsets.US_ASCII);
        try {
            channel.writeInbound(good);
            assertThatThrownBy(() -> channel.writeInbound(bad)).isInstanceOf(DecoderException.class)
                    .hasMessageContaining("unknown reply type");
            channel.writeInbound(later);
            ByteBuf first = channel.readInbound();
            assertThat(first.toString(StandardCharsets.US_ASCII)).isEqualTo("+OK\r\n");
            first.release();
            assertThat((Object) channel.readInbound()).isNull();
        } finally {
            channel.finishAndReleaseAll();
        }
        assertThat(good.refCnt() + bad.refCnt() + later.refCnt()).isZero();
    }

    @Test
    void shouldOnlyEverAnswerLengthNeedMoreOrProtocolExceptionForRandomGarbage() {
        Random random = new Random(11);
        byte[] alphabet = "+-:$*_,#!=(%~>|\r\n0123456789-tfx".getBytes(StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 5000; round++) {
            ByteBuf buf = Unpooled.buffer();
            try {
                int n = 1 + random.nextInt(40);
                for (int i = 0; i < n; i++) {
                    buf.writeByte(random.nextInt(10) == 0 ? random.nextInt(256) : alphabet[random.nextInt(alphabet.length)]);
                }
                int result;
                try {
                    result = new RespReplyScanner().scan(buf);
                } catch (RespProtocolException e) {
                    continue;
                }
                assertThat(result).isBetween(-1, n).isNotZero();
                if (result > 0) {
                    // The scanner frames without judging scalar contents (":12x" passes); the value decoder
                    // may reject those, but never finds a reply the scanner called complete to be incomplete.
                    ByteBuf reply = buf.slice(0, result);
                    try {
                        RespValues.read(reply);
                        assertThat(reply.isReadable()).isFalse();
                    } catch (RespProtocolException e) {
                        assertThat(e).hasMessageNotContaining("incomplete");
                    }
                }
            } finally {
                buf.release();
            }
        }
    }

    /** Feeds the chunks through a {@link RespReplyDecoder}; returns the replies as text, all buffers released. */
    private static List<String> decode(String... chunks) {
        EmbeddedChannel channel = new EmbeddedChannel(new RespReplyDecoder());
        List<ByteBuf> inputs = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        try {
            for (String chunk : chunks) {
                ByteBuf in = Unpooled.copiedBuffer(chunk, StandardCharsets.ISO_8859_1);
                inputs.add(in);
                channel.writeInbound(in);
                for (ByteBuf reply; (reply = channel.readInbound()) != null; ) {
                    replies.add(reply.toString(StandardCharsets.ISO_8859_1));
                    reply.release(); // a retained slice shares the received buffer's count
                }
            }
            assertThat(channel.finish()).isFalse();
        } finally {
            channel.finishAndReleaseAll();
        }
        for (ByteBuf in : inputs) {
            assertThat(in.refCnt()).isZero();
        }
        return replies;
    }

    private static String randomReply(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 8 : 13);
        return switch (kind) {
            case 0 -> "+s" + random.nextInt(1000) + "\r\n";
            case 1 -> "-ERR e" + random.nextInt(10) + "\r\n";
            case 2 -> ":" + (random.nextInt() >> 3) + "\r\n";
            case 3 -> {
                String body = "b\r\n".repeat(random.nextInt(5));
                yield "$" + body.length() + "\r\n" + body + "\r\n";
            }
            case 4 -> "$-1\r\n";
            case 5 -> "_\r\n";
            case 6 -> "," + random.nextDouble() + "\r\n";
            case 7 -> "#" + (random.nextBoolean() ? "t" : "f") + "\r\n";
            case 8, 9 -> {
                int n = random.nextInt(4);
                StringBuilder sb = new StringBuilder("*~>".charAt(random.nextInt(3)) + "" + n + "\r\n");
                for (int i = 0; i < n; i++) {
                    sb.append(randomReply(random, depth + 1));
                }
                yield sb.toString();
            }
            case 10, 11 -> {
                int n = random.nextInt(3);
                StringBuilder sb = new StringBuilder("%" + n + "\r\n");
                for (int i = 0; i < n; i++) {
                    sb.append("+k").append(i).append("\r\n").append(randomReply(random, depth + 1));
                }
                yield sb.toString();
            }
            default -> "|1\r\n+meta\r\n:1\r\n" + randomReply(random, depth + 1);
        };
    }
}
