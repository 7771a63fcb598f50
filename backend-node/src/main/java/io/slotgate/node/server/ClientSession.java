package io.slotgate.node.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.slotgate.node.command.Call;
import io.slotgate.node.store.Bytes;
import io.slotgate.node.store.WatchRegistry;
import io.slotgate.routing.resp.RespRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One client connection's state. Owned by the client's event loop: everything here is touched only there,
 * except {@link #closed} and the reply hand-back ({@link #replyReady}), which other loops may call.
 * <p>
 * Replies leave in request order through {@link #pending}: each dispatched command takes its place at the tail,
 * and the head is written as soon as it is done, wherever it ran.
 */
public final class ClientSession {

    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

    private final long id;
    private final Channel channel;
    private final EventLoop loop;
    private final LiveConfig config;
    private final ServerStats stats;
    private final long createdMillis = System.currentTimeMillis();
    // Read by CLIENT LIST from other loops without synchronisation: informational, a stale value is fine.
    private long lastInteractionMillis = createdMillis;
    private volatile String name = "";
    private String lastCommand = "NULL";
    private volatile boolean closed;
    private volatile Runnable blockedCleanup;

    private final ArrayDeque<Call> pending = new ArrayDeque<>();
    /**
     * Replies of one read batch gathered into one buffer and written once at flush: one outbound entry and one
     * socket buffer per batch instead of one per reply.
     */
    private ByteBuf batch;
    /**
     * A reusable buffer an inline command builds its reply in (see {@link #takeScratch}): copying a small reply
     * into {@link #batch} costs less than a pooled buffer per command.
     */
    private ByteBuf scratch;
    /** Traffic and command counters, written only by the client's loop (INFO reads them racily). */
    private long netIn;
    private long netOut;
    private long commands;
    private boolean inRead;
    private boolean closeAfterReplies;

    private boolean authenticated;
    /** The connection's user: "default" until AUTH succeeds (its rules may change under it, as in Redis). */
    private io.slotgate.node.acl.AclUserRef user;
    private boolean readonly;
    private boolean asking;

    private List<RespRequest> multiQueue;
    private boolean multiFailed;
    private WatchRegistry.Watch watch;
    private final List<byte[]> watchedKeys = new ArrayList<>();

    private final Set<Bytes> channels = new LinkedHashSet<>();
    private final Set<Bytes> patterns = new LinkedHashSet<>();
    private final Set<Bytes> shardChannels = new LinkedHashSet<>();

    private boolean paused;
    private Runnable onUnblocked = () -> { };
    private final ArrayDeque<RespRequest> deferred = new ArrayDeque<>();

    public ClientSession(long id, Channel channel, LiveConfig config, ServerStats stats) {
        this.id = id;
        this.channel = channel;
        this.loop = channel.eventLoop();
        this.config = config;
        this.stats = stats;
        this.user = config.acl().defaultUser();
        this.authenticated = config.acl().defaultOpen(); // stays authenticated if requirepass is set later
    }

    public long id() {
        return id;
    }

    public Channel channel() {
        return channel;
    }

    public EventLoop loop() {
        return loop;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public long createdMillis() {
        return createdMillis;
    }

    public long lastInteractionMillis() {
        return lastInteractionMillis;
    }

    public String lastCommand() {
        return lastCommand;
    }

    public void noteInput(int bytes) {
        netIn += bytes;
        commands++;
    }

    public long netIn() {
        return netIn;
    }

    public long netOut() {
        return netOut;
    }

    public long commands() {
        return commands;
    }

    public void noteCommand(String cmd) {
        lastCommand = cmd; // the interaction time is taken once per read batch (setInRead), not per command
    }

    public boolean isClosed() {
        return closed;
    }

    void markClosed() {
        closed = true;
        Runnable cleanup = blockedCleanup;
        if (cleanup != null) {
            cleanup.run();
        }
    }

    /**
     * What to run if the client leaves while a blocking command waits (removes its waiter from the partition, so
     * blocked_clients stays true); null when nothing waits. Set and cleared on the partition's loop.
     */
    public void setBlockedCleanup(Runnable cleanup) {
        this.blockedCleanup = cleanup;
    }

    // ---- connection state ----------------------------------------------------------------------------------

    /** Authenticated, or no password is needed (the default user is nopass and on: Redis authRequired()). */
    public boolean isAuthenticated() {
        return authenticated || config.acl().defaultOpen();
    }

    public void setAuthenticated(boolean authenticated) {
        this.authenticated = authenticated;
    }

    public io.slotgate.node.acl.AclUserRef user() {
        return user;
    }

    /** AUTH succeeded as this user. */
    public void login(io.slotgate.node.acl.AclUserRef ref) {
        this.user = ref;
        this.authenticated = true;
    }

    /** RESET: back to the default user, authenticated only if it needs no password. */
    public void logout() {
        this.user = config.acl().defaultUser();
        this.authenticated = config.acl().defaultOpen();
    }

    public boolean isReadonly() {
        return readonly;
    }

    public void setReadonly(boolean readonly) {
        this.readonly = readonly;
    }

    public boolean isAsking() {
        return asking;
    }

    public void setAsking(boolean asking) {
        this.asking = asking;
    }

    // ---- MULTI / WATCH -------------------------------------------------------------------------------------

    public boolean inMulti() {
        return multiQueue != null;
    }

    public void beginMulti() {
        multiQueue = new ArrayList<>();
        multiFailed = false;
    }

    public List<RespRequest> multiQueue() {
        return multiQueue;
    }

    public void failMulti() {
        multiFailed = true;
    }

    public boolean multiFailed() {
        return multiFailed;
    }

    /** Ends MULTI and hands back the queued requests (the caller releases them). */
    public List<RespRequest> endMulti() {
        List<RespRequest> q = multiQueue;
        multiQueue = null;
        multiFailed = false;
        return q == null ? List.of() : q;
    }

    public WatchRegistry.Watch watch() {
        return watch;
    }

    public WatchRegistry.Watch watchOrCreate() {
        if (watch == null) {
            watch = new WatchRegistry.Watch();
        }
        return watch;
    }

    public List<byte[]> watchedKeys() {
        return watchedKeys;
    }

    /** Forgets the watch (the partitions drop their references lazily, see UnwatchTask in command/tx). */
    public void clearWatch() {
        watch = null;
        watchedKeys.clear();
    }

    // ---- pub/sub -------------------------------------------------------------------------------------------

    public Set<Bytes> channels() {
        return channels;
    }

    public Set<Bytes> patterns() {
        return patterns;
    }

    public Set<Bytes> shardChannels() {
        return shardChannels;
    }

    public int subscriptionCount() {
        return channels.size() + patterns.size() + shardChannels.size();
    }

    // ---- flow control --------------------------------------------------------------------------------------

    public boolean isPaused() {
        return paused;
    }

    /** While paused (a blocking command waits) later requests are held back, as Redis does for a blocked client. */
    public void pause() {
        paused = true;
    }

    /** What to run when a blocking command's reply went out (the dispatcher resumes held-back requests). */
    public void onUnblocked(Runnable r) {
        onUnblocked = r;
    }

    public RespRequest resumeNext() {
        return deferred.poll();
    }

    public void unpause() {
        paused = false;
    }

    public void defer(RespRequest r) {
        deferred.add(r);
    }

    // ---- replies -------------------------------------------------------------------------------------------

    void setInRead(boolean v) {
        if (v && !inRead) {
            lastInteractionMillis = System.currentTimeMillis(); // a clock read costs ~30 ns: once per read batch
        }
        inRead = v;
    }

    /** Adds a call to the reply order; it is written when it and everything before it are done. */
    public void enqueue(Call c) {
        pending.add(c);
    }

    public boolean hasPendingReplies() {
        return !pending.isEmpty();
    }

    /** Writes a finished reply directly (only when nothing is pending before it). */
    public void writeNow(ByteBuf reply) {
        if (reply == null) {
            return;
        }
        if (closed) {
            reply.release();
            return;
        }
        emit(reply);
        if (!inRead) {
            flush();
        }
    }

    /**
     * An empty buffer for building one reply on the client's loop. Hand it back through {@link #writeScratch}; a
     * reply that has to wait in the queue keeps it instead (it then travels as that reply's own buffer).
     */
    public ByteBuf takeScratch() {
        ByteBuf s = scratch;
        if (s == null) {
            return channel.alloc().buffer(64);
        }
        scratch = null; // lent out: a nested command (a client unblocked meanwhile) gets a buffer of its own
        return s;
    }

    /** Writes a reply built in a {@link #takeScratch} buffer (nothing pending before it); keeps the buffer. */
    public void writeScratch(ByteBuf reply) {
        if (reply == null) {
            return;
        }
        int n = reply.readableBytes();
        if (closed || n > COPY_LIMIT) {
            writeNow(reply); // a large reply leaves as it is (no copy); the next command takes a new buffer
            return;
        }
        netOut += n;
        replyBuffer().writeBytes(reply);
        if (scratch == null && reply.capacity() <= COPY_LIMIT) {
            reply.clear();
            scratch = reply;
        } else {
            reply.release();
        }
        if (!inRead) {
            flush();
        }
    }

    /** Replies larger than this are written as they are rather than copied into the batch buffer. */
    private static final int COPY_LIMIT = 1024;
    /** A batch buffer this full is written out before more replies go into it. */
    private static final int BATCH_LIMIT = 64 * 1024;

    private void emit(ByteBuf reply) {
        int n = reply.readableBytes();
        netOut += n;
        if (n <= COPY_LIMIT) {
            replyBuffer().writeBytes(reply);
            reply.release();
        } else {
            writeBatch();
            channel.write(reply, channel.voidPromise());
        }
    }

    /** The buffer the current read batch's replies go to (client's loop only). */
    private ByteBuf replyBuffer() {
        if (batch != null && batch.writerIndex() >= BATCH_LIMIT) {
            // Large replies (GET of big values): hand what is gathered to the channel, start a new buffer.
            writeBatch();
        }
        if (batch == null) {
            batch = channel.alloc().ioBuffer(4096);
        }
        return batch;
    }

    private void writeBatch() {
        ByteBuf b = batch;
        if (b == null || !b.isReadable()) {
            return;
        }
        batch = null;
        if (closed) {
            b.release();
        } else {
            channel.write(b, channel.voidPromise());
        }
    }

    /** Any thread: a queued call finished; the client's loop writes what is now in order. */
    public void replyReady() {
        if (loop.inEventLoop()) {
            drain();
        } else {
            loop.execute(this::drain);
        }
    }

    /** Writes every done call at the head of the queue. */
    public void drain() {
        boolean wrote = false;
        boolean unblocked = false;
        while (!pending.isEmpty() && pending.peek().isDone()) {
            Call c = pending.poll();
            if (c.entry() != null && c.entry().has(io.slotgate.node.command.CommandEntry.F_BLOCKING)) {
                unblocked = true;
            }
            ByteBuf reply = c.takeReply();
            if (reply != null) {
                if (closed) {
                    reply.release();
                } else {
                    emit(reply);
                    wrote = true;
                }
            }
        }
        if (wrote && !inRead) {
            flush();
        }
        if (unblocked && paused) {
            onUnblocked.run();
        }
        if (closeAfterReplies && pending.isEmpty()) {
            writeBatch();
            channel.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER)
                    .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
        }
    }

    /** A message pushed to a subscriber (any thread); goes after replies already queued. */
    public void push(ByteBuf message) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> push(message));
            return;
        }
        if (closed) {
            message.release();
            return;
        }
        if (pending.isEmpty()) {
            writeNow(message);
            flush();
        } else {
            pending.add(Call.ofReply(message));
        }
    }

    void flush() {
        writeBatch();
        channel.flush();
        checkOutputLimit();
    }

    /** Disconnects a client whose unsent replies exceed client-output-buffer-limit (a reader too slow). */
    private void checkOutputLimit() {
        long limit = subscriptionCount() > 0 ? config.pubsubOutputBufferLimit() : config.clientOutputBufferLimit();
        if (limit <= 0) {
            return;
        }
        ChannelOutboundBuffer ob = channel.unsafe().outboundBuffer();
        if (ob != null && ob.totalPendingWriteBytes() > limit && !closed) {
            log.warn("Client id={} addr={} closed for overcoming of output buffer limits ({} bytes pending).", id,
                    channel.remoteAddress(), ob.totalPendingWriteBytes());
            stats.outputLimitDisconnections.increment();
            closed = true;
            channel.close();
        }
    }

    /** Closes once every reply before this point has been written (QUIT, protocol errors). */
    public void closeAfterReplies() {
        closeAfterReplies = true;
        drain();
    }

    void releaseAll() {
        if (batch != null) {
            batch.release();
            batch = null;
        }
        if (scratch != null) {
            scratch.release();
            scratch = null;
        }
        // Done replies are dropped now; calls still running elsewhere stay queued and drain() frees their
        // replies when they finish (the session is closed, so nothing is written).
        pending.removeIf(c -> {
            if (c.isDone()) {
                c.discard();
                return true;
            }
            return false;
        });
        RespRequest r;
        while ((r = deferred.poll()) != null) {
            r.release();
        }
        if (multiQueue != null) {
            multiQueue.forEach(RespRequest::release);
            multiQueue = null;
        }
    }
}
