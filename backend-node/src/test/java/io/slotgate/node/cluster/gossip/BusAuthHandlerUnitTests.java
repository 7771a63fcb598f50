package io.slotgate.node.cluster.gossip;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BusAuthHandlerUnitTests {

    private final List<EmbeddedChannel> channels = new ArrayList<>();

    @AfterEach
    void closeChannels() {
        channels.forEach(ch -> ch.finishAndReleaseAll());
    }

    @Test
    void shouldOpenBothSidesAndDeliverFramesHeldDuringTheChallengeWhenFedByteByByte() {
        EmbeddedChannel a = channel("shared");
        EmbeddedChannel b = channel("shared");
        a.writeAndFlush(text("frame-from-a"));

        for (int round = 0; round < 3; round++) {
            pump(a, b);
            pump(b, a);
        }

        assertThat(a.isActive()).isTrue();
        assertThat(b.isActive()).isTrue();
        assertThat(readAll(b)).isEqualTo("frame-from-a");
        b.writeAndFlush(text("frame-from-b"));
        pump(b, a);
        assertThat(readAll(a)).isEqualTo("frame-from-b");
    }

    @Test
    void shouldDropAPeerWithAnotherSecret() {
        EmbeddedChannel a = channel("one");
        EmbeddedChannel b = channel("two");
        a.writeAndFlush(text("never-delivered"));

        for (int round = 0; round < 3; round++) {
            pump(a, b);
            pump(b, a);
        }

        assertThat(a.isOpen()).isFalse();
        assertThat(b.isOpen()).isFalse();
        assertThat(readAll(b)).isEmpty();
    }

    @Test
    void shouldDropAPeerThatStartsWithAFrameInsteadOfTheChallenge() {
        EmbeddedChannel a = channel("shared");
        ByteBuf frame = Unpooled.buffer();
        frame.writeInt(BusCodec.MAGIC).writeZero(40);

        a.writeInbound(frame);

        assertThat(a.isOpen()).isFalse();
        assertThat((Object) a.readInbound()).isNull();
    }

    private EmbeddedChannel channel(String secret) {
        EmbeddedChannel ch = new EmbeddedChannel(new BusAuthHandler(new BusSecret(secret),
                new BusAuthHandler.DropLog()));
        channels.add(ch);
        return ch;
    }

    /** Moves everything {@code from} wrote into {@code to}, one byte per read. */
    private static void pump(EmbeddedChannel from, EmbeddedChannel to) {
        ByteBuf out;
        while ((out = from.readOutbound()) != null) {
            while (out.isReadable() && to.isOpen()) {
                to.writeInbound(out.readRetainedSlice(1));
            }
            out.release();
        }
    }

    private static String readAll(EmbeddedChannel ch) {
        StringBuilder sb = new StringBuilder();
        ByteBuf in;
        while ((in = ch.readInbound()) != null) {
            sb.append(in.toString(StandardCharsets.US_ASCII));
            in.release();
        }
        return sb.toString();
    }

    private static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }
}
