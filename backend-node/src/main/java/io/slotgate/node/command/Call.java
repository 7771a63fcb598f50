package io.slotgate.node.command;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.slotgate.node.server.ClientSession;
import io.slotgate.node.store.Bytes;
import io.slotgate.node.store.Partition;
import io.slotgate.routing.resp.RespRequest;
import io.slotgate.routing.resp.RespWriter;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * One command in flight: its request, where it runs, and the reply being built. Its place in the client's
 * ordered reply queue is fixed when it is dispatched, so replies leave in request order whichever loop runs it.
 * <p>
 * A handler writes into {@link #out()}. If it cannot answer before returning (fan-out, blocking) it calls
 * {@link #async()} and later {@link #finish()} from any thread.
 */
public final class Call {

    private final NodeContext node;
    private final ClientSession session;
    private final RespRequest request;
    private final CommandEntry entry;
    private Partition db;
    private ByteBuf out;
    private boolean async;
    private volatile boolean enqueued;
    private volatile boolean done;
    private int slot = -1;
    private volatile Runnable onDone;
    private int[] keys = KeySpec.NONE;
    /** Set while running inside EXEC, where blocking commands answer at once. */
    private boolean inTransaction;
    /** The cluster snapshot the slot gate passed this command with; null when no gate ran (see OpenSlotCheck). */
    private io.slotgate.node.cluster.ClusterView gateView;
    private boolean gateAsking;
    private boolean gateReadonly;
    /** A copy of one argument the dispatcher already made (the first key), handed out once by {@link #arg}. */
    private int lentIndex = -1;
    private byte[] lentArg;

    public Call(NodeContext node, ClientSession session, RespRequest request, CommandEntry entry) {
        this.node = node;
        this.session = session;
        this.request = request;
        this.entry = entry;
    }

    /** An already finished reply that is not a command (a pushed Pub/Sub message, a protocol error). */
    public static Call ofReply(ByteBuf reply) {
        Call c = new Call(null, null, null, null);
        c.out = reply;
        c.done = true;
        return c;
    }

    public NodeContext node() {
        return node;
    }

    /** The client; its mutable state may only be touched on the client's loop (keyless commands run there). */
    public ClientSession session() {
        return session;
    }

    public RespRequest request() {
        return request;
    }

    public CommandEntry entry() {
        return entry;
    }

    /** The partition holding this command's keys (null for keyless commands). */
    public Partition db() {
        return db;
    }

    public void bind(Partition partition, int slot, int[] keys) {
        this.db = partition;
        this.slot = slot;
        this.keys = keys;
    }

    public int slot() {
        return slot;
    }

    public int[] keyIndexes() {
        return keys;
    }

    /** Records the gate's inputs, so the partition can re-decide just before running (OpenSlotCheck). */
    public void gatedBy(io.slotgate.node.cluster.ClusterView view, boolean asking, boolean readonly) {
        this.gateView = view;
        this.gateAsking = asking;
        this.gateReadonly = readonly;
    }

    public io.slotgate.node.cluster.ClusterView gateView() {
        return gateView;
    }

    /** The client had sent ASKING (or the command implies it) when the gate ran. */
    public boolean gateAsking() {
        return gateAsking;
    }

    public boolean gateReadonly() {
        return gateReadonly;
    }

    public boolean inTransaction() {
        return inTransaction;
    }

    public void setInTransaction(boolean inTransaction) {
        this.inTransaction = inTransaction;
    }

    // ---- arguments -----------------------------------------------------------------------------------------

    public int argc() {
        return request.argCount();
    }

    /** A fresh copy of argument {@code i} (callers may keep it, e.g. as a stored key). */
    public byte[] arg(int i) {
        if (i == lentIndex) {
            byte[] b = lentArg;
            lentIndex = -1; // handed out once: a second call gets its own copy, as before
            lentArg = null;
            return b;
        }
        return request.argBytes(i);
    }

    /** Gives {@link #arg} a copy of argument {@code i} made earlier, so the first call needs no new one. */
    void lendArg(int i, byte[] copy) {
        lentIndex = i;
        lentArg = copy;
    }

    public Bytes argKey(int i) {
        return new Bytes(request.argBytes(i));
    }

    public String argString(int i) {
        return request.argString(i);
    }

    public boolean argIs(int i, String ascii) {
        return request.argEqualsIgnoreCase(i, ascii);
    }

    /** Argument as an integer, or the standard "not an integer" error. */
    public long argLong(int i) {
        try {
            return request.argLong(i);
        } catch (NumberFormatException e) {
            throw new CommandException(Errors.NOT_INTEGER);
        }
    }

    public long argLong(int i, String error) {
        try {
            return request.argLong(i);
        } catch (NumberFormatException e) {
            throw new CommandException(error);
        }
    }

    public double argDouble(int i) {
        Double d = io.slotgate.node.store.Numbers.parseDouble(request.argBytes(i));
        if (d == null) {
            throw new CommandException(Errors.NOT_FLOAT);
        }
        return d;
    }

    // ---- reply ---------------------------------------------------------------------------------------------

    public ByteBuf out() {
        if (out == null) {
            out = PooledByteBufAllocator.DEFAULT.buffer(64);
        }
        return out;
    }

    /** Builds the reply in {@code buffer} (empty, owned by this call from now on) instead of a new one. */
    void replyInto(ByteBuf buffer) {
        out = buffer;
    }

    /** Drops whatever was written so far (an error replaces a half-written reply). */
    public void resetOut() {
        if (out != null) {
            out.clear();
        }
    }

    public void ok() {
        RespWriter.writeOk(out());
    }

    public void simple(String s) {
        RespWriter.writeSimple(out(), s);
    }

    public void error(String text) {
        RespWriter.writeError(out(), text);
    }

    public void integer(long v) {
        RespWriter.writeInteger(out(), v);
    }

    public void bulk(byte[] v) {
        if (v == null) {
            RespWriter.writeNullBulk(out());
        } else {
            RespWriter.writeBulk(out(), v);
        }
    }

    public void bulk(String s) {
        bulk(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    public void bulk(Bytes b) {
        bulk(b == null ? null : b.bytes());
    }

    public void nullBulk() {
        RespWriter.writeNullBulk(out());
    }

    public void nullArray() {
        RespWriter.writeNullArray(out());
    }

    public void array(int n) {
        RespWriter.writeArrayHeader(out(), n);
    }

    public void bulkArray(Collection<byte[]> items) {
        array(items.size());
        for (byte[] b : items) {
            bulk(b);
        }
    }

    /** A score or other double, as Redis 7.0 formats it in RESP2 (a bulk string). */
    public void doubleBulk(double d) {
        bulk(io.slotgate.node.store.Numbers.formatScore(d));
    }

    /**
     * Finishes asynchronously with {@code work} run on the client's loop once {@code stage} completes (fan-out
     * commands gather partition results this way). A failure becomes an error reply.
     */
    public <T> void completeOnClientLoop(java.util.concurrent.CompletionStage<T> stage,
                                         java.util.function.Consumer<T> work) {
        async();
        stage.whenCompleteAsync((value, error) -> {
            try {
                if (error != null) {
                    Throwable cause = error instanceof java.util.concurrent.CompletionException ce && ce.getCause() != null
                            ? ce.getCause() : error;
                    resetOut();
                    error(cause instanceof CommandException ce2 ? ce2.text() : "ERR " + cause.getMessage());
                } else {
                    work.accept(value);
                }
            } catch (CommandException e) {
                resetOut();
                error(e.text());
            } finally {
                finish();
            }
        }, session.loop());
    }

    /** Detaches the reply: the dispatcher will not finish this call when the handler returns. */
    public void async() {
        async = true;
    }

    public boolean isAsync() {
        return async;
    }

    public boolean isDone() {
        return done;
    }

    /** For calls run inside EXEC: what to do when this one finishes instead of the reply queue. */
    public void whenDone(Runnable hook) {
        this.onDone = hook;
    }

    void markEnqueued() {
        enqueued = true;
    }

    public boolean isEnqueued() {
        return enqueued;
    }

    /** Completes the reply (any thread). The client's loop then writes it in order. */
    public void finish() {
        done = true;
        Runnable hook = onDone;
        if (hook != null) {
            hook.run();
        } else if (enqueued) {
            session.replyReady();
        }
    }

    /** Takes the reply bytes (the caller writes or releases them). */
    public ByteBuf takeReply() {
        ByteBuf b = out;
        out = null;
        return b;
    }

    /** Frees the request and any unsent reply (client gone). */
    public void discard() {
        if (out != null) {
            out.release();
            out = null;
        }
    }
}
