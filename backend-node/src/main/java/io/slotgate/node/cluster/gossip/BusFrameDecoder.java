package io.slotgate.node.cluster.gossip;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Splits the bus byte stream into whole frames (each emitted as a retained slice, prefix included). A wrong
 * magic or a length outside [{@link BusCodec#MIN_FRAME_LENGTH}, max] closes the link with a log line: the stream
 * cannot be resynchronised (same policy as Redis, cluster-engine.md §2).
 */
public final class BusFrameDecoder extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(BusFrameDecoder.class);

    private enum State { PREFIX, FRAME, BROKEN }

    private final int maxFrameLength;
    private State state = State.PREFIX;
    private int frameLength;

    public BusFrameDecoder(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (true) {
            switch (state) {
                case PREFIX -> {
                    if (in.readableBytes() < BusCodec.PREFIX_LENGTH) {
                        return;
                    }
                    int magic = in.getInt(in.readerIndex());
                    long length = in.getUnsignedInt(in.readerIndex() + 4);
                    if (magic != BusCodec.MAGIC) {
                        fail(ctx, in, "bad magic 0x" + Integer.toHexString(magic));
                        return;
                    }
                    if (length < BusCodec.MIN_FRAME_LENGTH || length > maxFrameLength) {
                        fail(ctx, in, "frame length " + length + " out of bounds");
                        return;
                    }
                    frameLength = (int) length;
                    state = State.FRAME;
                }
                case FRAME -> {
                    if (in.readableBytes() < frameLength) {
                        return;
                    }
                    out.add(in.readRetainedSlice(frameLength));
                    state = State.PREFIX;
                }
                case BROKEN -> {
                    in.skipBytes(in.readableBytes());
                    return;
                }
            }
        }
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, String why) {
        log.warn("Closing cluster bus link from {}: {}", ctx.channel().remoteAddress(), why);
        state = State.BROKEN;
        in.skipBytes(in.readableBytes());
        ctx.close();
    }
}
