package io.slotgate.proxy.backend;

import io.netty.buffer.ByteBuf;

/** Something waiting for one reply on a backend connection; replies arrive in the order entries were sent. */
public abstract class InflightEntry {

    /** When the request was written; the loop's timeout sweep compares it with server-timeout. */
    long sentAtNanos;

    /** The clock reading to record as the send time; an entry that read the clock just before may reuse it. */
    protected long sendTimeNanos() {
        return System.nanoTime();
    }

    /** The reply for this entry (ownership passes to the callee). Called on the connection's loop. */
    public abstract void onReply(ByteBuf reply, BackendConnection from);

    /**
     * The connection failed before the reply came.
     *
     * @param errorText a complete error text without '-', e.g. "ERR slotgate: server 127.0.0.1:7000 timed out"
     */
    public abstract void onFailure(String errorText, BackendConnection from);
}
