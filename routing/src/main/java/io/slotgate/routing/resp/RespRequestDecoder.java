package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Incremental decoder of client requests (RESP2 multibulk and inline form) into {@link RespRequest}s.
 * <p>
 * Emits {@link RespRequest} (caller releases) or one {@link RespProtocolError}, after which all input is
 * discarded. Limits follow Redis: see {@link RespLimits}.
 */
public final class RespRequestDecoder extends ByteToMessageDecoder {

    private final RespLimits limits;

    public RespRequestDecoder() {
        this(RespLimits.DEFAULT);
    }

    public RespRequestDecoder(RespLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        throw new UnsupportedOperationException("TODO: implemented by the framing work");
    }
}
