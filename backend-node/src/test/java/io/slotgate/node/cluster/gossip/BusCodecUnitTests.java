package io.slotgate.node.cluster.gossip;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.state.SlotSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BusCodecUnitTests {

    private static final String ID_A = "a".repeat(40);
    private static final String ID_B = "0123456789abcdef0123456789abcdef01234567";

    private static BusHeader header(String masterId) {
        SlotSet slots = new SlotSet();
        slots.add(0);
        slots.add(7);
        slots.add(8);
        slots.add(16383);
        return new BusHeader(ID_A, 7, 5, 1234, NodeFlags.MASTER | NodeFlags.MYSELF, masterId, 7000, 17000,
                "10.0.0.1", true, slots);
    }

    private static MessageBody bodyFor(MessageType type) {
        if (type.carriesGossip()) {
            return new MessageBody.Gossip(List.of(
                    new GossipEntry(ID_B, "127.0.0.1", 7001, 17001, NodeFlags.SLAVE, 0, 1_700_000_000_123L),
                    new GossipEntry("b".repeat(40), "::1", 7002, 17002, NodeFlags.MASTER | NodeFlags.PFAIL,
                            1_700_000_000_000L, 5)));
        }
        if (type == MessageType.PUBLISH || type == MessageType.PUBLISHSHARD) {
            return new MessageBody.Publish("news".getBytes(), new byte[] {0, 1, 2, (byte) 0xff});
        }
        if (type == MessageType.FAIL) {
            return new MessageBody.Fail(ID_B);
        }
        if (type == MessageType.UPDATE) {
            SlotSet slots = new SlotSet();
            slots.add(0);
            slots.add(16383);
            return new MessageBody.Update(ID_B, 42, slots);
        }
        return MessageBody.Empty.INSTANCE;
    }

    private static ByteBuf encode(BusMessage msg) {
        ByteBuf buf = Unpooled.buffer();
        BusCodec.encode(msg, buf);
        return buf;
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void shouldRoundTripEveryMessageType(MessageType type) {
        BusMessage msg = BusMessage.of(type, header(ID_B), bodyFor(type));
        ByteBuf buf = encode(msg);
        try {
            assertThat(buf.getInt(4)).isEqualTo(buf.readableBytes());
            BusMessage back = BusCodec.decode(buf, null);
            assertThat(back).isNotNull();
            assertThat(back.type()).isEqualTo(type);
            assertThat(back.header()).isEqualTo(msg.header());
            assertThat(back.header().slots().count()).isEqualTo(4);
            if (msg.body() instanceof MessageBody.Publish p) {
                MessageBody.Publish q = (MessageBody.Publish) back.body();
                assertThat(q.channel()).isEqualTo(p.channel());
                assertThat(q.message()).isEqualTo(p.message());
            } else if (msg.body() instanceof MessageBody.Opaque o) {
                assertThat(((MessageBody.Opaque) back.body()).bytes()).isEqualTo(o.bytes());
            } else {
                assertThat(back.body()).isEqualTo(msg.body());
            }
        } finally {
            buf.release();
        }
    }

    @Test
    void shouldRoundTripAMasterHeaderWithoutIpOrMaster() {
        BusHeader h = new BusHeader(ID_B, 0, 0, 0, NodeFlags.MASTER, null, 1, 65535, "", false, new SlotSet());
        ByteBuf buf = encode(BusMessage.of(MessageType.PING, h, new MessageBody.Gossip(List.of())));
        try {
            assertThat(buf.readableBytes()).isEqualTo(BusCodec.MIN_FRAME_LENGTH + 2);
            assertThat(BusCodec.decode(buf, null).header()).isEqualTo(h);
        } finally {
            buf.release();
        }
    }

    @Test
    void shouldDecodeAnUnknownTypeAsOpaqueSoReceiversCanIgnoreIt() {
        BusMessage msg = new BusMessage(null, 99, header(null), new MessageBody.Opaque(new byte[] {1, 2}));
        ByteBuf buf = encode(msg);
        try {
            BusMessage back = BusCodec.decode(buf, null);
            assertThat(back.type()).isNull();
            assertThat(back.wireType()).isEqualTo(99);
        } finally {
            buf.release();
        }
    }

    @Test
    void shouldRejectEveryTruncatedFrameWithoutThrowing() {
        ByteBuf whole = encode(BusMessage.of(MessageType.PUBLISH, header(null), bodyFor(MessageType.PUBLISH)));
        try {
            for (int len = 0; len < whole.readableBytes(); len++) {
                ByteBuf part = whole.retainedSlice(0, len);
                try {
                    StringBuilder why = new StringBuilder();
                    assertThat(BusCodec.decode(part, why)).isNull();
                    assertThat(why).isNotEmpty();
                } finally {
                    part.release();
                }
            }
        } finally {
            whole.release();
        }
    }

    @Test
    void shouldRejectFramesWhoseBodyDoesNotMatchItsType() {
        ByteBuf buf = encode(BusMessage.of(MessageType.PING, header(null), new MessageBody.Opaque(new byte[] {0})));
        try {
            assertThat(BusCodec.decode(buf, null)).isNull(); // gossip count truncated
        } finally {
            buf.release();
        }
        ByteBuf publish = encode(BusMessage.of(MessageType.PUBLISH, header(null),
                new MessageBody.Opaque(new byte[] {0x7f, 0, 0, 0, 1})));
        try {
            assertThat(BusCodec.decode(publish, null)).isNull(); // channel length beyond the frame
        } finally {
            publish.release();
        }
    }

    @Test
    void shouldRejectRandomGarbageWithoutThrowing() {
        Random rnd = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[rnd.nextInt(3000)];
            rnd.nextBytes(junk);
            if (i % 2 == 0 && junk.length >= 8) {
                // Valid prefix, garbage after it.
                ByteBuf b = Unpooled.wrappedBuffer(junk);
                b.setInt(0, BusCodec.MAGIC);
                b.setInt(4, junk.length);
            }
            ByteBuf buf = Unpooled.wrappedBuffer(junk);
            try {
                assertThat(BusCodec.decode(buf, null)).isNull();
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void shouldSplitAByteByByteStreamIntoWholeFrames() {
        EmbeddedChannel ch = new EmbeddedChannel(new BusFrameDecoder(BusCodec.DEFAULT_MAX_FRAME_LENGTH));
        ByteBuf stream = Unpooled.buffer();
        BusCodec.encode(BusMessage.of(MessageType.PING, header(null), bodyFor(MessageType.PING)), stream);
        BusCodec.encode(BusMessage.of(MessageType.PUBLISH, header(ID_B), bodyFor(MessageType.PUBLISH)), stream);
        while (stream.isReadable()) {
            ch.writeInbound(stream.readRetainedSlice(Math.min(7, stream.readableBytes())));
        }
        stream.release();
        ByteBuf first = ch.readInbound();
        ByteBuf second = ch.readInbound();
        try {
            assertThat(BusCodec.decode(first, null).type()).isEqualTo(MessageType.PING);
            assertThat(BusCodec.decode(second, null).type()).isEqualTo(MessageType.PUBLISH);
            assertThat((Object) ch.readInbound()).isNull();
        } finally {
            first.release();
            second.release();
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void shouldCloseTheLinkOnABadMagic() {
        EmbeddedChannel ch = new EmbeddedChannel(new BusFrameDecoder(BusCodec.DEFAULT_MAX_FRAME_LENGTH));
        ch.writeInbound(Unpooled.wrappedBuffer("RCmb\0\0\u0010\0garbage".getBytes()));
        assertThat(ch.isOpen()).isFalse();
        assertThat((Object) ch.readInbound()).isNull();
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldCloseTheLinkOnAnOversizeOrUndersizeLength() {
        for (int length : new int[] {BusCodec.MIN_FRAME_LENGTH - 1, 1 << 20}) {
            EmbeddedChannel ch = new EmbeddedChannel(new BusFrameDecoder(64 * 1024));
            ByteBuf prefix = Unpooled.buffer(8).writeInt(BusCodec.MAGIC).writeInt(length);
            ch.writeInbound(prefix);
            assertThat(ch.isOpen()).isFalse();
            ch.finishAndReleaseAll();
        }
    }
}
