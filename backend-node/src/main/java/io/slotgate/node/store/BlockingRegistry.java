package io.slotgate.node.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;

/**
 * Clients blocked on keys of one partition (BLPOP, BZPOPMIN, ...), served first-come first-served when a write
 * touches one of their keys, as Redis does. Owned by the partition's thread.
 */
public final class BlockingRegistry {

    /** A blocked command waiting for data. */
    public interface Waiter {

        /** The keys it waits on. */
        List<byte[]> keys();

        /** False once the client went away or the wait timed out. */
        boolean isWaiting();

        /** Tries to serve from the current data; true if it did (the waiter is then finished). */
        boolean tryServe(Partition db);
    }

    private final Partition db;
    private final HashMap<Bytes, ArrayDeque<Waiter>> byKey = new HashMap<>();
    private final ArrayDeque<Bytes> ready = new ArrayDeque<>();
    private int blockedCount;

    BlockingRegistry(Partition db) {
        this.db = db;
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    public int blockedCount() {
        return blockedCount;
    }

    public void block(Waiter w) {
        for (byte[] k : w.keys()) {
            byKey.computeIfAbsent(new Bytes(k), x -> new ArrayDeque<>()).add(w);
        }
        blockedCount++;
    }

    public void unblock(Waiter w) {
        boolean found = false;
        for (byte[] k : w.keys()) {
            Bytes key = new Bytes(k);
            ArrayDeque<Waiter> q = byKey.get(key);
            if (q != null && q.remove(w)) {
                found = true;
                if (q.isEmpty()) {
                    byKey.remove(key);
                }
            }
        }
        if (found) {
            blockedCount--;
        }
    }

    /** Notes that {@code key} may now have data for its waiters. */
    public void signalReady(byte[] key) {
        if (!byKey.isEmpty()) {
            Bytes k = new Bytes(key);
            if (byKey.containsKey(k)) {
                ready.add(k);
            }
        }
    }

    /** Serves waiters of the keys signalled since the last call, oldest waiter first. */
    public void serveReady() {
        while (!ready.isEmpty()) {
            Bytes key = ready.poll();
            ArrayDeque<Waiter> q = byKey.get(key);
            if (q == null) {
                continue;
            }
            List<Waiter> finished = new ArrayList<>();
            for (Iterator<Waiter> it = q.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (!w.isWaiting()) {
                    finished.add(w);
                    continue;
                }
                if (!db.exists(key.bytes())) {
                    break;
                }
                if (w.tryServe(db)) {
                    finished.add(w);
                }
            }
            for (Waiter w : finished) {
                unblock(w);
            }
        }
    }
}
