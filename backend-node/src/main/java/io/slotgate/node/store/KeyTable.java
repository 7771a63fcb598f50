package io.slotgate.node.store;

import java.util.Arrays;

/**
 * An open-addressing hash map from byte[] keys to values, owned by one thread.
 * <p>
 * Why not HashMap: a HashMap entry costs a node, a key wrapper and a table slot (about 64 B before the key and
 * value arrays); here an entry costs three array cells (about 21 B at the average load), which is what keeps the
 * node near Redis's bytes per key (performance-notes.md, "Memory per key"). Linear probing with tombstones:
 * entries never move except on resize, and a key always sits in the unbroken run that starts at its home cell,
 * which lets {@link #scan} walk home buckets in Redis's resize-proof order.
 */
public final class KeyTable {

    private static final byte[] TOMBSTONE = new byte[0];
    private static final int MIN_CAPACITY = 16;

    private byte[][] keys;
    private Object[] values;
    private int[] hashes;
    private int size;
    private int used;

    public KeyTable() {
        allocate(MIN_CAPACITY);
    }

    private void allocate(int capacity) {
        keys = new byte[capacity][];
        values = new Object[capacity];
        hashes = new int[capacity];
        used = 0;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return keys.length;
    }

    static int hash(byte[] key) {
        int h = 1;
        for (byte b : key) {
            h = 31 * h + b;
        }
        return h ^ (h >>> 16);
    }

    private int indexOf(byte[] key, int h) {
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k != TOMBSTONE && hashes[i] == h && Arrays.equals(k, key)) {
                return i;
            }
        }
    }

    public Object get(byte[] key) {
        int i = indexOf(key, hash(key));
        return i < 0 ? null : values[i];
    }

    public boolean containsKey(byte[] key) {
        return indexOf(key, hash(key)) >= 0;
    }

    /** The stored key array equal to {@code key} (lets callers share one array between tables), or null. */
    public byte[] storedKey(byte[] key) {
        int i = indexOf(key, hash(key));
        return i < 0 ? null : keys[i];
    }

    /** Inserts or replaces; returns the previous value or null. */
    public Object put(byte[] key, Object value) {
        int h = hash(key);
        int mask = keys.length - 1;
        int firstFree = -1;
        int i = h & mask;
        for (; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                break;
            }
            if (k == TOMBSTONE) {
                if (firstFree < 0) {
                    firstFree = i;
                }
            } else if (hashes[i] == h && Arrays.equals(k, key)) {
                Object old = values[i];
                values[i] = value;
                return old;
            }
        }
        if (firstFree >= 0) {
            i = firstFree;
        } else {
            used++;
        }
        keys[i] = key;
        hashes[i] = h;
        values[i] = value;
        size++;
        if (used * 4L > keys.length * 3L) {
            resize();
        }
        return null;
    }

    public Object remove(byte[] key) {
        int i = indexOf(key, hash(key));
        if (i < 0) {
            return null;
        }
        Object old = values[i];
        keys[i] = TOMBSTONE;
        values[i] = null;
        size--;
        if (size == 0) {
            allocate(keys.length);
        } else if (keys.length > MIN_CAPACITY && size * 8L < keys.length) {
            resize();
        }
        return old;
    }

    public void clear() {
        size = 0;
        allocate(MIN_CAPACITY);
    }

    private void resize() {
        int capacity = MIN_CAPACITY;
        while (capacity * 3L < size * 4L + 4 || capacity < size * 2L) {
            capacity <<= 1;
        }
        byte[][] oldKeys = keys;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        allocate(capacity);
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            byte[] k = oldKeys[j];
            if (k != null && k != TOMBSTONE) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                hashes[i] = oldHashes[j];
                values[i] = oldValues[j];
                used++;
            }
        }
    }

    /** Key at table position {@code i}, or null if that cell is empty. */
    public byte[] keyAt(int i) {
        byte[] k = keys[i];
        return k == TOMBSTONE ? null : k;
    }

    public Object valueAt(int i) {
        return values[i];
    }

    /**
     * Visits the keys whose home cell (hash & mask) is the cursor's bucket, then the next buckets, until about
     * {@code count} keys were seen; returns the next cursor, 0 at the end. Buckets are walked in reverse-binary
     * order like Redis's dictScan, so a key present for the whole scan is returned at least once even when the
     * table grows or shrinks in between (cursor values are unsigned 32-bit).
     */
    public long scan(long cursor, int count, KeyVisitor visitor) {
        int mask = keys.length - 1;
        int c = (int) cursor;
        int seen = 0;
        do {
            int bucket = c & mask;
            for (int i = bucket; keys[i] != null; i = (i + 1) & mask) {
                byte[] k = keys[i];
                if (k != TOMBSTONE && (hashes[i] & mask) == bucket) {
                    visitor.visit(k, values[i]);
                    seen++;
                }
            }
            // Increment the bits above the mask's in reverse order (dictScan's cursor step).
            c |= ~mask;
            c = Integer.reverse(c);
            c++;
            c = Integer.reverse(c);
        } while (c != 0 && seen < count);
        return Integer.toUnsignedLong(c);
    }

    /** Visits every key once (no concurrent changes allowed meanwhile). */
    public void forEach(KeyVisitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            byte[] k = keys[i];
            if (k != null && k != TOMBSTONE) {
                visitor.visit(k, values[i]);
            }
        }
    }

    /** Receives the entries of a scan. */
    @FunctionalInterface
    public interface KeyVisitor {
        void visit(byte[] key, Object value);
    }
}
