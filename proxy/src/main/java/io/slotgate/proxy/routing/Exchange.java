package io.slotgate.proxy.routing;

import io.netty.buffer.ByteBuf;
import io.slotgate.proxy.backend.BackendConnection;
import io.slotgate.proxy.backend.BackendServer;
import io.slotgate.proxy.backend.InflightEntry;
import io.slotgate.proxy.backend.LoopBackends;
import io.slotgate.proxy.stats.LatencyHistogram;
import io.slotgate.routing.resp.RespRequest;

/**
 * One request on its way through the cluster: routed by slot (or to a fixed server), following redirects and
 * retries until a final reply goes to its sink. Owned by one event loop.
 */
public final class Exchange extends InflightEntry {

    final RespRequest request;
    final int slot;
    final boolean read;
    final BackendServer fixedServer;
    final ReplySink sink;
    final LoopBackends loop;
    final Router router;
    final LatencyHistogram latency;
    final long startNanos;
    final long deadlineNanos;
    int hops;
    int retries;
    /** A server whose connection failed under this request; a retried read avoids it. */
    BackendServer avoid;
    /** The error that made this request retry, reported if no other server can take it. */
    String retryCause;
    /** Set for blocking commands: each attempt uses its own connection, closed once it answered. */
    DedicatedConnections dedicated;
    /** For a MULTI ... EXEC block: the number of commands inside (their replies precede EXEC's). */
    int transactionSize;
    /** A MOVED/ASK one of the transaction's commands got; EXEC then fails, and the block is retried there. */
    ByteBuf queuedRedirect;

    Exchange(Router router, LoopBackends loop, RespRequest request, int slot, boolean read,
             BackendServer fixedServer, ReplySink sink, LatencyHistogram latency) {
        this.router = router;
        this.loop = loop;
        this.request = request;
        this.slot = slot;
        this.read = read;
        this.fixedServer = fixedServer;
        this.sink = sink;
        this.latency = latency;
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + loop.settings().serverTimeoutNanos();
    }

    /**
     * The clock for this attempt: the first attempt runs in the call that created the exchange, so it reuses
     * {@link #startNanos} rather than reading the clock again (several clock reads per request showed in profiles).
     */
    long now() {
        return hops == 0 && retries == 0 ? startNanos : System.nanoTime();
    }

    @Override
    protected long sendTimeNanos() {
        return now();
    }

    @Override
    public void onReply(ByteBuf reply, BackendConnection from) {
        router.onReply(this, reply, from);
    }

    @Override
    public void onFailure(String errorText, BackendConnection from) {
        router.onConnectionFailure(this, errorText, from);
    }

    /** Final reply: records latency, frees the request and hands the reply on. */
    void complete(ByteBuf reply) {
        if (latency != null) {
            latency.record(System.nanoTime() - startNanos);
        }
        request.release();
        sink.complete(reply);
    }

    void fail(String errorText) {
        complete(ErrorReplies.of(errorText));
    }
}
