package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Splits a reply stream into one {@link ByteBuf} per complete reply: retained slices of the received bytes
 * (no copy); the receiver releases them. Built on {@link RespReplyScanner}.
 */
public final class RespReplyDecoder extends ByteToMessageDecoder {

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        throw new UnsupportedOperationException("TODO: implemented by the framing work");
    }
}
