package io.slotgate.proxy.multikey;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.proxy.routing.ReplySink;
import io.slotgate.routing.resp.RespValues;
import io.slotgate.routing.resp.RespWriter;

import java.util.List;

/** SCRIPT EXISTS sent to every master: a script exists (1) only if every master has it. */
public final class AllTrueMerge extends ReplyCollector {

    public AllTrueMerge(int partCount, ReplySink client) {
        super(partCount, client);
    }

    @Override
    protected ByteBuf merge(ByteBuf[] parts) {
        long[] all = null;
        for (ByteBuf p : parts) {
            List<?> flags = (List<?>) RespValues.read(p.duplicate());
            if (all == null) {
                all = new long[flags.size()];
                java.util.Arrays.fill(all, 1);
            }
            for (int i = 0; i < all.length && i < flags.size(); i++) {
                all[i] &= (Long) flags.get(i);
            }
        }
        ByteBuf out = Unpooled.buffer(8 + 4 * all.length);
        RespWriter.writeArrayHeader(out, all.length);
        for (long v : all) {
            RespWriter.writeInteger(out, v);
        }
        return out;
    }
}
