package io.slotgate.proxy.multikey;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.slotgate.proxy.backend.LoopBackends;
import io.slotgate.proxy.routing.ErrorReplies;
import io.slotgate.proxy.routing.ReplySink;
import io.slotgate.proxy.routing.Router;
import io.slotgate.proxy.stats.LatencyHistogram;
import io.slotgate.proxy.stats.ProxyStats;
import io.slotgate.routing.resp.RespRequest;
import io.slotgate.routing.resp.RespWriter;


/**
 * Routes MGET, MSET, DEL, UNLINK, EXISTS and TOUCH whose keys span several slots: one request per slot (keys in
 * the client's order), replies merged back in the client's order. Requests whose keys share one slot are forwarded
 * unchanged. MSETNX must stay atomic, so it is only forwarded when all keys share a slot.
 */
public final class MultiKeyRouter {

    private final Router router;
    private final ProxyStats stats;

    public MultiKeyRouter(Router router, ProxyStats stats) {
        this.router = router;
        this.stats = stats;
    }

    /** Takes ownership of {@code request}; arity was checked by the caller. */
    public void route(LoopBackends loop, RespRequest request, MultiKeyCommand command, ReplySink sink,
                      LatencyHistogram latency) {
        int step = command.step;
        int keyCount = (request.argCount() - 1) / step;
        if ((request.argCount() - 1) % step != 0) {
            request.release();
            sink.complete(ErrorReplies.of("ERR wrong number of arguments for '"
                    + command.name().toLowerCase(java.util.Locale.ROOT) + "' command"));
            return;
        }
        int[] slots = new int[keyCount];
        boolean sameSlot = true;
        for (int k = 0; k < keyCount; k++) {
            slots[k] = request.argSlot(1 + k * step);
            sameSlot &= slots[k] == slots[0];
        }
        if (sameSlot) {
            router.routeBySlot(loop, request, slots[0], command.isRead(), sink, latency);
            return;
        }
        if (command == MultiKeyCommand.MSETNX) {
            request.release();
            sink.complete(ErrorReplies.of(ErrorReplies.CROSSSLOT));
            return;
        }
        stats.splitCommands.increment();
        split(loop, request, command, slots, sink, latency);
    }

    private void split(LoopBackends loop, RespRequest request, MultiKeyCommand command, int[] slots,
                       ReplySink sink, LatencyHistogram latency) {
        int keyCount = slots.length;
        // Group key ordinals by slot, keeping first-seen slot order and the client's key order within a slot.
        int[] distinct = new int[keyCount];
        int groups = 0;
        int[] groupOf = new int[keyCount];
        int[] groupSize = new int[keyCount];
        for (int k = 0; k < keyCount; k++) {
            int g = -1;
            for (int d = 0; d < groups; d++) {
                if (distinct[d] == slots[k]) {
                    g = d;
                    break;
                }
            }
            if (g < 0) {
                g = groups;
                distinct[groups++] = slots[k];
            }
            groupOf[k] = g;
            groupSize[g]++;
        }
        int[][] members = new int[groups][];
        for (int g = 0; g < groups; g++) {
            members[g] = new int[groupSize[g]];
        }
        int[] filled = new int[groups];
        for (int k = 0; k < keyCount; k++) {
            members[groupOf[k]][filled[groupOf[k]]++] = k;
        }
        // One latency sample for the client's command, not one per part.
        long start = System.nanoTime();
        ReplySink timed = latency == null ? sink : reply -> {
            latency.record(System.nanoTime() - start);
            sink.complete(reply);
        };
        ReplyCollector collector = switch (command) {
            case MGET -> new ArrayMerge(members, keyCount, timed);
            case MSET -> new OkMerge(groups, timed);
            default -> new SumMerge(groups, timed);
        };
        byte[] name = request.argBytes(0);
        RespRequest[] parts = new RespRequest[groups];
        for (int g = 0; g < groups; g++) {
            parts[g] = subRequest(name, request, members[g], command.step);
        }
        request.release();
        for (int g = 0; g < groups; g++) {
            router.routeBySlot(loop, parts[g], distinct[g], command.isRead(), collector.part(g), null);
        }
    }

    /** The command named {@code name} with the arguments of the given key ordinals (key, or key value). */
    static RespRequest subRequest(byte[] name, RespRequest request, int[] keyOrdinals, int step) {
        int argCount = 1 + keyOrdinals.length * step;
        int size = 16 + name.length + 16;
        for (int k : keyOrdinals) {
            for (int s = 0; s < step; s++) {
                size += request.argLength(1 + k * step + s) + 16;
            }
        }
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(size);
        int[] positions = new int[argCount * 2];
        RespWriter.writeArrayHeader(buf, argCount);
        int a = 0;
        a = appendArg(buf, positions, a, name);
        for (int k : keyOrdinals) {
            for (int s = 0; s < step; s++) {
                int i = 1 + k * step + s;
                buf.writeByte('$');
                RespWriter.writeDecimalLine(buf, request.argLength(i));
                positions[2 * a] = buf.writerIndex();
                positions[2 * a + 1] = request.argLength(i);
                buf.writeBytes(request.frame(), request.argIndex(i), request.argLength(i));
                buf.writeShort(RespWriter.CRLF_SHORT);
                a++;
            }
        }
        return new RespRequest(buf, positions, argCount, false);
    }

    private static int appendArg(ByteBuf buf, int[] positions, int a, byte[] arg) {
        buf.writeByte('$');
        RespWriter.writeDecimalLine(buf, arg.length);
        positions[2 * a] = buf.writerIndex();
        positions[2 * a + 1] = arg.length;
        buf.writeBytes(arg);
        buf.writeShort(RespWriter.CRLF_SHORT);
        return a + 1;
    }
}
