package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Splits a reply stream into one {@link ByteBuf} per complete reply: retained slices of the received bytes
 * (no copy); the receiver releases them. Built on {@link RespReplyScanner}. Malformed input raises
 * {@link RespProtocolException} once (through the pipeline's exceptionCaught); later input is discarded, since
 * the stream can no longer be cut reliably.
 */
public final class RespReplyDecoder extends ByteToMessageDecoder {

    private enum State { SCANNING, FAILED }

    private final RespReplyScanner scanner = new RespReplyScanner();
    private State state = State.SCANNING;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state == State.FAILED) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            while (in.isReadable()) {
                int length = scanner.scan(in);
                if (length < 0) {
                    return;
                }
                // retain + slice: same ownership as retainedSlice, without a recycled derived buffer per reply
                out.add(in.retain().slice(in.readerIndex(), length));
                in.skipBytes(length);
            }
        } catch (RespProtocolException e) {
            state = State.FAILED;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }
}
