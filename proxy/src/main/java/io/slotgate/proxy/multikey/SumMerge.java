package io.slotgate.proxy.multikey;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.proxy.routing.ReplySink;
import io.slotgate.routing.resp.RespWriter;

/** DEL, UNLINK, EXISTS, TOUCH, DBSIZE: the client gets the sum of the parts' integer replies. */
public final class SumMerge extends ReplyCollector {

    public SumMerge(int partCount, ReplySink client) {
        super(partCount, client);
    }

    @Override
    protected ByteBuf merge(ByteBuf[] parts) {
        long sum = 0;
        for (ByteBuf p : parts) {
            sum += integerOf(p);
        }
        ByteBuf out = Unpooled.buffer(24);
        RespWriter.writeInteger(out, sum);
        return out;
    }

    /** Parses {@code :<n>\r\n}. */
    static long integerOf(ByteBuf reply) {
        int i = reply.readerIndex();
        if (reply.getByte(i) != ':') {
            throw new IllegalStateException("expected an integer reply");
        }
        int end = reply.writerIndex() - 2;
        boolean negative = reply.getByte(i + 1) == '-';
        long v = 0;
        for (int k = i + (negative ? 2 : 1); k < end; k++) {
            v = v * 10 + (reply.getByte(k) - '0');
        }
        return negative ? -v : v;
    }
}
