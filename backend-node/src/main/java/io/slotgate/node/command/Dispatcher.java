package io.slotgate.node.command;

import io.netty.util.concurrent.EventExecutor;
import io.slotgate.node.server.ClientSession;
import io.slotgate.node.store.Partition;
import io.slotgate.node.store.WrongTypeException;
import io.slotgate.routing.resp.RespRequest;
import io.slotgate.routing.slot.SlotHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each request: lookup, arity, auth, MULTI queueing, the cluster gate (CROSSSLOT, then
 * {@code ClusterView.redirect}, cluster-protocol.md §2.1), then the handler on the right loop: a keyed command
 * on its partition's loop (inline when the client lives there), the others on the client's loop.
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final NodeContext node;
    private final io.slotgate.node.acl.AclCheck acl;

    public Dispatcher(NodeContext node) {
        this.node = node;
        this.acl = new io.slotgate.node.acl.AclCheck(node.config().acl().table());
    }

    /** Called on the client's loop; takes ownership of {@code request}. */
    public void dispatch(ClientSession session, RespRequest request) {
        if (session.isPaused()) {
            session.defer(request);
            return;
        }
        try {
            route(session, request);
        } finally {
            request.release();
        }
    }

    /** Re-dispatches requests held back while the client was blocked. */
    public void resume(ClientSession session) {
        session.unpause();
        RespRequest r;
        while (!session.isPaused() && (r = session.resumeNext()) != null) {
            dispatch(session, r);
        }
    }

    private void route(ClientSession session, RespRequest request) {
        CommandEntry entry = node.registry().lookup(request);
        if (entry == null) {
            reject(session, unknownCommand(request), true);
            return;
        }
        session.noteCommand(entry.name());
        if (!session.isAuthenticated() && !entry.has(CommandEntry.F_NO_AUTH)) {
            reject(session, Errors.NOAUTH, true);
            return;
        }
        if (!entry.arityOk(request.argCount())) {
            entry.stats().rejected.increment();
            reject(session, Errors.wrongArity(entry.name()), true);
            return;
        }
        String subArity = node.registry().subcommandArityError(entry, request);
        if (subArity != null) {
            entry.stats().rejected.increment();
            reject(session, subArity, true);
            return;
        }
        // After arity and auth, as Redis. A user with every command, key and channel (the usual default user)
        // costs one volatile read and one field test here.
        io.slotgate.node.acl.AclUser user = session.user().get();
        var refusal = user.unrestricted() ? null : acl.denial(user, entry, request);
        if (refusal != null) {
            String denied = acl.logRefusal(refusal, user, request, node.config().acl().log(), session.inMulti(),
                    io.slotgate.node.command.connection.ClientCommand.describe(session));
            entry.stats().rejected.increment();
            if (entry.name().equals("exec")) {
                // Redis rejectCommand: a refused EXEC answers through execCommandAbort, in MULTI or not
                session.endMulti().forEach(RespRequest::release);
                session.clearWatch();
                denied = "EXECABORT Transaction discarded because of: " + denied;
            }
            reject(session, denied, true);
            return;
        }
        if (node.persistence().isLoading() && !allowedWhileLoading(request)) {
            reject(session, PersistenceHook.LOADING, true);
            return;
        }
        if (session.subscriptionCount() > 0 && !entry.has(CommandEntry.F_PUBSUB_OK)) {
            reject(session, "ERR Can't execute '" + entry.name() + "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / "
                    + "PING / QUIT / RESET are allowed in this context", false);
            return;
        }
        if (session.inMulti() && !entry.has(CommandEntry.F_TX_CONTROL)) {
            queueInMulti(session, request, entry);
            return;
        }
        int[] keys = entry.keys().keys(request);
        int slot = -1;
        byte[] firstKey = null;
        io.slotgate.node.cluster.ClusterView gateView = null;
        boolean asking = false;
        if (keys.length > 0) {
            gateView = node.cluster().view(); // taken first: a newer view at execution means "decide again"
            asking = session.isAsking() || entry.has(CommandEntry.F_ASKING);
            // One copy of the first key serves both the slot (hashing a byte[] beats a ByteBuf) and the handler.
            firstKey = request.argBytes(keys[0]);
            slot = SlotHash.slot(firstKey);
            String gate = gate(session, request, entry, keys, slot, gateView);
            if (gate != null) {
                if (!entry.has(CommandEntry.F_TX_CONTROL)) {
                    session.setAsking(false);
                }
                entry.stats().rejected.increment();
                reject(session, gate, false);
                return;
            }
        }
        if (holdWhilePaused(session, request, entry)) {
            return; // after the slot gate, as Redis blocks paused clients
        }
        String readonly = entry.isWrite() ? node.replication().rejectClientWrite() : null;
        if (readonly != null) {
            reject(session, readonly, true); // after the slot gate, as Redis (replication.md §5)
            return;
        }
        if (!session.inMulti() && !entry.name().equals("multi")) {
            session.setAsking(false); // one command only; ASKING MULTI ... EXEC keeps it (cluster-protocol.md §2.2)
        }
        Call call = new Call(node, session, request, entry);
        if (gateView != null) {
            call.gatedBy(gateView, asking, session.isReadonly());
            call.lendArg(keys[0], firstKey);
        }
        if (entry.has(CommandEntry.F_BLOCKING)) {
            session.pause(); // resumed when its reply is written (ClientSession.drain)
        }
        if (slot < 0 || entry.has(CommandEntry.F_CLIENT_LOOP)) {
            call.bind(null, slot, keys);
            runOnClientLoop(session, call);
            return;
        }
        int p = node.keyspace().partitionOfSlot(slot);
        call.bind(node.keyspace().partition(p), slot, keys);
        EventExecutor loop = node.keyspace().loop(p);
        if (loop.inEventLoop()) {
            runOnClientLoop(session, call);
        } else {
            call.markEnqueued();
            session.enqueue(call);
            request.retain();
            loop.execute(() -> {
                try {
                    execute(call);
                } finally {
                    request.release();
                }
                if (!call.isAsync()) {
                    call.finish();
                }
            });
        }
    }

    private void runOnClientLoop(ClientSession session, Call call) {
        call.replyInto(session.takeScratch());
        execute(call);
        boolean blocking = call.entry().has(CommandEntry.F_BLOCKING);
        if (!call.isAsync()) {
            if (!blocking && !session.hasPendingReplies()) {
                // The common case: answered inline with nothing queued before it. Nothing else ever sees this
                // call, so it is not marked done (a volatile write) and goes straight out.
                session.writeScratch(call.takeReply());
                return;
            }
            call.finish();
        }
        if (call.isDone() && !session.hasPendingReplies() && !blocking) {
            session.writeScratch(call.takeReply());
        } else {
            call.markEnqueued();
            session.enqueue(call);
            if (call.isDone()) {
                session.drain();
            }
        }
    }

    /** Redis 7.0's "loading" command flag (INFO, CONFIG GET, AUTH...); container commands by their subcommand. */
    private boolean allowedWhileLoading(RespRequest request) {
        var table = node.registry().table();
        var spec = table == null ? null : table.lookup(request);
        if (spec != null && spec.isContainer() && request.argCount() > 1) {
            var sub = spec.subcommands().get(request.argString(1).toLowerCase(java.util.Locale.ROOT));
            spec = sub != null ? sub : spec;
        }
        return spec == null || spec.has(io.slotgate.routing.command.CommandFlag.LOADING);
    }

    /**
     * Manual failover, master side (cluster-engine.md §8.4): a write (or an EXEC with writes) waits while writes
     * are paused, and so do this client's later requests, deferred behind it. When the pause ends it is routed
     * again: it gets MOVED if its slot now belongs to the new master, else it runs. No loop blocks meanwhile.
     */
    private boolean holdWhilePaused(ClientSession session, RespRequest request, CommandEntry entry) {
        if (!entry.isWrite() && !(entry.name().equals("exec") && session.inMulti() && queuesWrite(session))) {
            return false;
        }
        // The callback reaches this loop only through execute(), so it runs after the retain and pause below.
        if (!node.replication().holdClientWrite(() -> session.loop().execute(() -> runHeld(session, request)))) {
            return false;
        }
        request.retain();
        session.pause();
        return true;
    }

    private boolean queuesWrite(ClientSession session) {
        for (RespRequest queued : session.multiQueue()) {
            CommandEntry e = node.registry().lookup(queued);
            if (e != null && e.isWrite()) {
                return true;
            }
        }
        return false;
    }

    private void runHeld(ClientSession session, RespRequest request) {
        session.unpause();
        if (!session.channel().isActive()) {
            request.release(); // the client left; its deferred requests were released on close
            return;
        }
        dispatch(session, request);
        RespRequest r;
        while (!session.isPaused() && (r = session.resumeNext()) != null) {
            dispatch(session, r);
        }
    }

    /** The slot check for a keyed command; null when this node serves it here. */
    public String gate(ClientSession session, RespRequest request, CommandEntry entry, int[] keys) {
        return gate(session, request, entry, keys, request.argSlot(keys[0]), node.cluster().view());
    }

    /** The slot check given the first key's slot and the cluster view to decide with. */
    private String gate(ClientSession session, RespRequest request, CommandEntry entry, int[] keys, int slot,
                        io.slotgate.node.cluster.ClusterView view) {
        // Without cluster mode only the partition has to agree (with io-threads 1, any keys go together).
        boolean clusterMode = node.options().clusterEnabled();
        var ks = node.keyspace();
        for (int i = 1; i < keys.length; i++) {
            int other = request.argSlot(keys[i]);
            if (other != slot && (clusterMode || ks.partitionOfSlot(other) != ks.partitionOfSlot(slot))) {
                return Errors.CROSSSLOT;
            }
        }
        return view.redirect(slot, entry.isWrite(), session.isReadonly(),
                session.isAsking() || entry.has(CommandEntry.F_ASKING) || entry.has(CommandEntry.F_OPEN_SLOT_LOCAL));
    }

    /** Runs the handler on the current thread (already the right loop) and does the write bookkeeping. */
    public static void execute(Call call) {
        CommandEntry entry = call.entry();
        CommandEntry.Stats stats = entry.stats();
        boolean timed = stats.sampleNext();
        long start = timed ? System.nanoTime() : 0;
        if (call.gateView() != null && call.db() != null) {
            String redirect = OpenSlotCheck.recheck(call);
            if (redirect != null) {
                call.error(redirect);
                entry.stats().rejected.increment();
                return;
            }
        }
        try {
            entry.handler().execute(call);
        } catch (CommandException e) {
            call.resetOut();
            call.error(e.text());
            entry.stats().failed.increment();
        } catch (WrongTypeException e) {
            call.resetOut();
            call.error(WrongTypeException.MESSAGE);
            entry.stats().failed.increment();
        } catch (RuntimeException e) {
            log.error("command {} failed", entry.name(), e);
            call.resetOut();
            call.error("ERR internal error: " + e.getClass().getSimpleName());
            entry.stats().failed.increment();
        }
        if (entry.isWrite() && call.session() != null) {
            // before afterWrite: a blocked pop it serves must follow it in the replication stream
            call.node().replication().propagate(call);
        }
        Partition db = call.db();
        if (db != null && entry.isWrite()) {
            afterWrite(call, db);
        }
        stats.calls.increment();
        if (timed) {
            stats.timed(System.nanoTime() - start);
        }
    }

    /** Wakes WATCHers and blocked clients of the keys a write command named. */
    static void afterWrite(Call call, Partition db) {
        if (db.watches().isEmpty() && db.blocking().isEmpty()) {
            return;
        }
        for (int k : call.keyIndexes()) {
            byte[] key = call.arg(k);
            db.watches().touched(key);
            db.blocking().signalReady(key);
        }
        db.blocking().serveReady();
    }

    private void queueInMulti(ClientSession session, RespRequest request, CommandEntry entry) {
        if (entry.has(CommandEntry.F_NO_MULTI)) {
            session.failMulti();
            reject(session, "ERR Command not allowed inside a transaction", false);
            return;
        }
        int[] keys = entry.keys().keys(request);
        if (keys.length > 0) {
            String gate = gate(session, request, entry, keys);
            if (gate != null) {
                session.failMulti();
                reject(session, gate, false);
                return;
            }
        }
        String readonly = entry.isWrite() ? node.replication().rejectClientWrite() : null;
        if (readonly != null) {
            session.failMulti();
            reject(session, readonly, false);
            return;
        }
        request.retain();
        session.multiQueue().add(request);
        reply(session, "+QUEUED\r\n");
    }

    private void reject(ClientSession session, String error, boolean failsMulti) {
        if (failsMulti && session.inMulti()) {
            session.failMulti();
        }
        node.stats().errorReplies.increment();
        Call c = Call.ofReply(errorBuf(error));
        if (session.hasPendingReplies()) {
            c.markEnqueued();
            session.enqueue(c);
            session.drain();
        } else {
            session.writeNow(c.takeReply());
        }
    }

    private static void reply(ClientSession session, String raw) {
        io.netty.buffer.ByteBuf b = io.netty.buffer.PooledByteBufAllocator.DEFAULT.buffer(raw.length());
        b.writeCharSequence(raw, java.nio.charset.StandardCharsets.US_ASCII);
        Call c = Call.ofReply(b);
        if (session.hasPendingReplies()) {
            session.enqueue(c);
            session.drain();
        } else {
            session.writeNow(c.takeReply());
        }
    }

    private static io.netty.buffer.ByteBuf errorBuf(String error) {
        io.netty.buffer.ByteBuf b = io.netty.buffer.PooledByteBufAllocator.DEFAULT.buffer(error.length() + 3);
        io.slotgate.routing.resp.RespWriter.writeError(b, error);
        return b;
    }

    /** Redis's text: "unknown command 'x', with args beginning with: 'a' 'b' " (args capped near 128 chars). */
    static String unknownCommand(RespRequest r) {
        StringBuilder args = new StringBuilder();
        for (int i = 1; i < r.argCount() && args.length() < 128; i++) {
            String a = r.argString(i);
            int room = 128 - args.length();
            args.append('\'').append(a, 0, Math.min(a.length(), room)).append("' ");
        }
        String name = r.argString(0);
        if (name.length() > 128) {
            name = name.substring(0, 128);
        }
        return sanitize("ERR unknown command '" + name + "', with args beginning with: " + args);
    }

    /** Error lines cannot contain CR or LF; Redis replaces them with spaces. */
    static String sanitize(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
