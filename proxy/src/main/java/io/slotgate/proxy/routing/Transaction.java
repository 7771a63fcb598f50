package io.slotgate.proxy.routing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.slotgate.routing.resp.RespRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * A client's MULTI block, held by the proxy until EXEC: the commands are queued here (the client sees +QUEUED)
 * and then sent as one MULTI ... EXEC frame to the master of their common slot (cluster-protocol.md §3.2: every
 * key of a transaction must share a slot). A command the proxy rejects while queueing aborts the transaction, and
 * EXEC then answers EXECABORT as Redis does. Owned by the client's event loop.
 */
public final class Transaction {

    private static final byte[] MULTI = "*1\r\n$5\r\nMULTI\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXEC = "*1\r\n$4\r\nEXEC\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ArrayList<RespRequest> queued = new ArrayList<>();
    private int slot = -1;
    private boolean aborted;

    /** Whether a command on {@code keySlot} may join (all commands of a transaction share one slot). */
    public boolean acceptsSlot(int keySlot) {
        return slot < 0 || slot == keySlot;
    }

    /** Queues a request (ownership passes to the transaction). */
    public void queue(RespRequest request, int keySlot) {
        slot = keySlot;
        queued.add(request);
    }

    public void abort() {
        aborted = true;
    }

    public boolean isAborted() {
        return aborted;
    }

    public boolean isEmpty() {
        return queued.isEmpty();
    }

    public int size() {
        return queued.size();
    }

    public int slot() {
        return slot;
    }

    /** Frees the queued requests (DISCARD, EXECABORT, client gone). */
    public void discard() {
        for (RespRequest r : queued) {
            r.release();
        }
        queued.clear();
    }

    /** MULTI, the queued requests and EXEC as one request frame; the queued requests are released. */
    RespRequest toRequest() {
        int size = MULTI.length + EXEC.length;
        for (RespRequest r : queued) {
            size += r.frame().readableBytes();
        }
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(size);
        buf.writeBytes(MULTI);
        for (RespRequest r : queued) {
            buf.writeBytes(r.frame(), r.frame().readerIndex(), r.frame().readableBytes());
        }
        buf.writeBytes(EXEC);
        discard();
        // Argument 0 ("MULTI") starts after "*1\r\n$5\r\n".
        return new RespRequest(buf, new int[] {8, 5}, 1, false);
    }
}
