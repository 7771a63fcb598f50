package io.slotgate.node.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Keys WATCHed by clients, per partition. A write to a watched key marks every watcher dirty; EXEC then aborts.
 * Owned by the partition's thread; {@link Watch#dirty} is volatile because EXEC may read it from another one.
 */
public final class WatchRegistry {

    /** One client's watch (shared by all its watched keys). */
    public static final class Watch {
        private volatile boolean dirty;

        public boolean isDirty() {
            return dirty;
        }

        public void markDirty() {
            dirty = true;
        }
    }

    private final HashMap<Bytes, List<Watch>> watchers = new HashMap<>();

    public boolean isEmpty() {
        return watchers.isEmpty();
    }

    public void watch(byte[] key, Watch w) {
        watchers.computeIfAbsent(new Bytes(key), k -> new ArrayList<>(2)).add(w);
    }

    public void unwatch(byte[] key, Watch w) {
        Bytes k = new Bytes(key);
        List<Watch> list = watchers.get(k);
        if (list != null) {
            list.remove(w);
            if (list.isEmpty()) {
                watchers.remove(k);
            }
        }
    }

    public void touched(byte[] key) {
        if (watchers.isEmpty()) {
            return;
        }
        List<Watch> list = watchers.get(new Bytes(key));
        if (list != null) {
            for (Watch w : list) {
                w.markDirty();
            }
        }
    }

    public void touchedAll() {
        for (List<Watch> list : watchers.values()) {
            for (Watch w : list) {
                w.markDirty();
            }
        }
    }
}
