package io.slotgate.proxy.routing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.routing.resp.RespWriter;

/** Error replies the proxy makes itself. */
public final class ErrorReplies {

    public static final String CROSSSLOT = "CROSSSLOT Keys in request don't hash to the same slot";

    private ErrorReplies() {
    }

    /** {@code -text\r\n}; text is the whole error including its prefix (e.g. "ERR ..."). */
    public static ByteBuf of(String text) {
        ByteBuf buf = Unpooled.buffer(text.length() + 3);
        RespWriter.writeError(buf, text.replace('\r', ' ').replace('\n', ' '));
        return buf;
    }

    public static boolean isError(ByteBuf reply) {
        return reply.getByte(reply.readerIndex()) == '-';
    }
}
