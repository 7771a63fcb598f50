package io.slotgate.node.replication;

import io.slotgate.node.command.Call;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongToIntFunction;
import java.util.function.ObjIntConsumer;

/** Clients blocked in WAIT (replication.md §6); owned by the replication loop. */
final class WaitQueue {

    record Waiter(Call call, long target, int needed) {
    }

    private final List<Waiter> waiters = new ArrayList<>();

    Waiter add(Call call, long target, int needed) {
        Waiter w = new Waiter(call, target, needed);
        waiters.add(w);
        return w;
    }

    /** Removes a waiter that timed out; false if it was already answered. */
    boolean remove(Waiter w) {
        return waiters.remove(w);
    }

    /** After an ACK: answers every waiter whose target enough replicas have acknowledged. */
    void check(LongToIntFunction ackedAtLeast, ObjIntConsumer<Call> reply) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            int n = ackedAtLeast.applyAsInt(w.target());
            if (n >= w.needed()) {
                it.remove();
                reply.accept(w.call(), n);
            }
        }
    }

    /** The node stopped being a master: every waiter gets {@code n}. */
    void failAll(ObjIntConsumer<Call> reply, int n) {
        List<Waiter> all = new ArrayList<>(waiters);
        waiters.clear();
        all.forEach(w -> reply.accept(w.call(), n));
    }
}
