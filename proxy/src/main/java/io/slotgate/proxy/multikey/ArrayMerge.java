package io.slotgate.proxy.multikey;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.slotgate.proxy.routing.ReplySink;
import io.slotgate.routing.resp.RespReplyScanner;
import io.slotgate.routing.resp.RespWriter;

/**
 * MGET: each part answered an array for its keys; the client gets one array with every element back at its key's
 * position in the original request. Elements are copied as bytes, never decoded.
 */
public final class ArrayMerge extends ReplyCollector {

    /** For part p, the positions (0-based, in the client's key order) of its keys. */
    private final int[][] positions;
    private final int total;

    public ArrayMerge(int[][] positions, int total, ReplySink client) {
        super(positions.length, client);
        this.positions = positions;
        this.total = total;
    }

    @Override
    protected ByteBuf merge(ByteBuf[] parts) {
        int[] elementStart = new int[total];
        int[] elementLength = new int[total];
        int[] elementPart = new int[total];
        int bytes = 16;
        RespReplyScanner scanner = new RespReplyScanner();
        for (int p = 0; p < parts.length; p++) {
            ByteBuf reply = parts[p];
            int index = reply.readerIndex();
            int headerEnd = reply.indexOf(index, reply.writerIndex(), (byte) '\n');
            if (reply.getByte(index) != '*' || headerEnd < 0) {
                throw new IllegalStateException("expected an array reply");
            }
            int count = Integer.parseInt(reply.toString(index + 1, headerEnd - index - 2,
                    java.nio.charset.StandardCharsets.US_ASCII));
            if (count != positions[p].length) {
                throw new IllegalStateException("expected " + positions[p].length + " elements, got " + count);
            }
            int at = headerEnd + 1;
            for (int e = 0; e < count; e++) {
                scanner.reset();
                ByteBuf rest = reply.slice(at, reply.writerIndex() - at);
                int len = scanner.scan(rest);
                if (len < 0) {
                    throw new IllegalStateException("truncated array reply");
                }
                int pos = positions[p][e];
                elementStart[pos] = at;
                elementLength[pos] = len;
                elementPart[pos] = p;
                bytes += len;
                at += len;
            }
        }
        ByteBuf out = ByteBufAllocator.DEFAULT.buffer(bytes);
        RespWriter.writeArrayHeader(out, total);
        for (int i = 0; i < total; i++) {
            out.writeBytes(parts[elementPart[i]], elementStart[i], elementLength[i]);
        }
        return out;
    }
}
