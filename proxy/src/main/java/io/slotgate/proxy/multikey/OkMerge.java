package io.slotgate.proxy.multikey;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.proxy.routing.ReplySink;
import io.slotgate.routing.resp.RespWriter;

/** MSET: +OK when every part answered +OK (an error part wins, see {@link ReplyCollector}). */
public final class OkMerge extends ReplyCollector {

    public OkMerge(int partCount, ReplySink client) {
        super(partCount, client);
    }

    @Override
    protected ByteBuf merge(ByteBuf[] parts) {
        ByteBuf out = Unpooled.buffer(8);
        RespWriter.writeOk(out);
        return out;
    }
}
