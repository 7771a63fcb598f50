package io.slotgate.node.command.tx;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import io.slotgate.node.cluster.ClusterView;
import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandEntry;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.Dispatcher;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.NodeContext;
import io.slotgate.node.command.OpenSlotCheck;
import io.slotgate.node.server.ClientSession;
import io.slotgate.node.store.Keyspace;
import io.slotgate.node.store.Partition;
import io.slotgate.node.store.WatchRegistry;
import io.slotgate.routing.resp.RespRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * EXEC: checks the queued commands' keys together (one slot, served here: cluster-protocol.md §3.2), then runs
 * the whole queue as one task on that slot's partition loop, so it is atomic. A queue holding a fan-out command
 * (DBSIZE, KEYS...) cannot run inside one loop; it then runs step by step, in order but not isolated.
 */
final class TransactionExecutor {

    private TransactionExecutor() {
    }

    static void exec(Call c) {
        ClientSession s = c.session();
        if (!s.inMulti()) {
            throw new CommandException("ERR EXEC without MULTI");
        }
        boolean failed = s.multiFailed();
        List<RespRequest> queued = s.endMulti();
        WatchRegistry.Watch watch = s.watch();
        TransactionCommands.unwatchAll(c);
        if (failed) {
            queued.forEach(RespRequest::release);
            throw new CommandException("EXECABORT Transaction discarded because of previous errors.");
        }
        if (watch != null && watch.isDirty()) {
            queued.forEach(RespRequest::release);
            c.nullArray();
            return;
        }
        NodeContext node = c.node();
        List<Call> calls = new ArrayList<>(queued.size());
        int slot = -1;
        boolean fanout = false;
        String error = null;
        for (RespRequest r : queued) {
            CommandEntry e = node.registry().lookup(r);
            int[] keys = e.keys().keys(r);
            Call sub = new Call(node, s, r, e);
            sub.setInTransaction(true);
            for (int k : keys) {
                int ks = r.argSlot(k);
                if (slot < 0) {
                    slot = ks;
                } else if (ks != slot && (node.options().clusterEnabled()
                        || node.keyspace().partitionOfSlot(ks) != node.keyspace().partitionOfSlot(slot))) {
                    error = Errors.CROSSSLOT;
                }
            }
            fanout |= e.has(CommandEntry.F_FANOUT);
            calls.add(sub);
        }
        boolean write = calls.stream().anyMatch(x -> x.entry().isWrite());
        ClusterView gateView = node.cluster().view();
        boolean asking = s.isAsking();
        boolean readonly = s.isReadonly();
        if (error == null && slot >= 0) {
            error = gateView.redirect(slot, write, readonly, asking);
        }
        s.setAsking(false);
        if (error != null) {
            queued.forEach(RespRequest::release);
            throw new CommandException(error);
        }
        Keyspace ks = node.keyspace();
        int partition = slot >= 0 ? ks.partitionOfSlot(slot) : -1;
        for (Call sub : calls) {
            int[] keys = sub.entry().keys().keys(sub.request());
            boolean keyed = keys.length > 0 && !sub.entry().has(CommandEntry.F_CLIENT_LOOP);
            sub.bind(keyed ? ks.partition(partition) : null, keyed ? slot : -1, keys);
        }
        c.async();
        if (fanout) {
            new Stepper(c, calls, queued, ks, partition).next();
            return;
        }
        int execSlot = slot;
        Runnable batch = () -> {
            if (execSlot >= 0 && openSlotRefusal(c, calls, queued, gateView, execSlot, write, readonly, asking)) {
                return;
            }
            for (Call sub : calls) {
                Dispatcher.execute(sub);
            }
            assembleReply(c, calls, queued);
            if (write) {
                c.node().replication().finishTransaction(c, partition);
            } else {
                c.finish();
            }
        };
        EventExecutor loop = partition >= 0 ? ks.loop(partition) : s.loop();
        if (loop.inEventLoop()) {
            batch.run();
        } else {
            loop.execute(batch);
        }
    }

    /**
     * cluster-protocol.md §2.1 steps 2, 9-10 for EXEC: the keys of every queued command decide ASK / TRYAGAIN
     * while the slot is migrating or importing; on the partition's loop, before anything runs. True if refused.
     */
    private static boolean openSlotRefusal(Call c, List<Call> calls, List<RespRequest> queued, ClusterView gateView,
                                           int slot, boolean write, boolean readonly, boolean asking) {
        List<byte[]> keys = new ArrayList<>();
        Partition db = null;
        for (Call sub : calls) {
            if (sub.db() != null) {
                db = sub.db();
                for (int k : sub.keyIndexes()) {
                    keys.add(sub.arg(k));
                }
            }
        }
        if (db == null) {
            return false;
        }
        String refusal = OpenSlotCheck.decide(c.node().cluster().view(), gateView, slot, write, readonly, asking,
                false, db, keys);
        if (refusal == null) {
            return false;
        }
        queued.forEach(RespRequest::release);
        c.error(refusal);
        c.finish();
        return true;
    }

    /** Writes the array of sub-replies and finishes EXEC (any thread). */
    static void assemble(Call c, List<Call> calls, List<RespRequest> queued) {
        assembleReply(c, calls, queued);
        c.finish();
    }

    private static void assembleReply(Call c, List<Call> calls, List<RespRequest> queued) {
        c.array(calls.size());
        for (Call sub : calls) {
            ByteBuf b = sub.takeReply();
            if (b != null) {
                c.out().writeBytes(b);
                b.release();
            }
        }
        queued.forEach(RespRequest::release);
    }

    /** Runs queued commands one after another, each on its own loop, for queues with fan-out commands. */
    private static final class Stepper {
        private final Call exec;
        private final List<Call> calls;
        private final List<RespRequest> queued;
        private final Keyspace ks;
        private final int partition;
        private int index;

        Stepper(Call exec, List<Call> calls, List<RespRequest> queued, Keyspace ks, int partition) {
            this.exec = exec;
            this.calls = calls;
            this.queued = queued;
            this.ks = ks;
            this.partition = partition;
        }

        void next() {
            if (index == calls.size()) {
                assemble(exec, calls, queued);
                return;
            }
            Call sub = calls.get(index++);
            EventExecutor home = exec.session().loop();
            sub.whenDone(() -> home.execute(this::next));
            EventExecutor loop = sub.db() != null ? ks.loop(partition) : home;
            loop.execute(() -> {
                Dispatcher.execute(sub);
                if (!sub.isAsync()) {
                    sub.finish();
                }
            });
        }
    }
}
