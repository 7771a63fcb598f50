package io.slotgate.node.store;

import io.slotgate.routing.slot.SlotHash;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * One partition of the keyspace: the keys of the slots s with s % P == index. Owned by exactly one event loop
 * (no locks); other threads hand work to that loop.
 * <p>
 * Expiry times live in their own table so keys without a TTL pay nothing; expired keys are removed lazily on
 * access and actively by {@link #activeExpireCycle}.
 */
public final class Partition {

    private final int index;
    private final KeyTable data = new KeyTable();
    private final KeyTable expires = new KeyTable();
    private final int[] slotCounts = new int[SlotHash.SLOT_COUNT];
    private final SlotKeyIndex slotKeys = new SlotKeyIndex(data, slotCounts);
    private final LongSupplier clock;
    private final WatchRegistry watches = new WatchRegistry();
    private final BlockingRegistry blocking;

    /** Replication hooks (replication.md §3): expired keys become DELs in the stream; replicas never expire. */
    private java.util.function.Consumer<byte[]> onExpired = k -> { };
    private boolean replicaMode;
    private boolean applyingMaster;

    private long hits;
    private long misses;
    private long expiredKeys;

    public Partition(int index, LongSupplier clock) {
        this.index = index;
        this.clock = clock;
        this.blocking = new BlockingRegistry(this);
    }

    public int index() {
        return index;
    }

    public long now() {
        return clock.getAsLong();
    }

    public WatchRegistry watches() {
        return watches;
    }

    public BlockingRegistry blocking() {
        return blocking;
    }

    // ---- lookups -------------------------------------------------------------------------------------------

    /** The live value of {@code key} (expired keys are deleted first), without touching hit/miss stats. */
    public Object peek(byte[] key) {
        Object v = data.get(key);
        if (v != null && expires.size() > 0 && expireIfNeeded(key)) {
            return null;
        }
        return v;
    }

    /** Like {@link #peek} but counts a keyspace hit or miss (read commands). */
    public Object lookupRead(byte[] key) {
        Object v = peek(key);
        if (v == null) {
            misses++;
        } else {
            hits++;
        }
        return v;
    }

    private boolean expireIfNeeded(byte[] key) {
        Object when = expires.get(key);
        if (when != null && (Long) when <= now()) {
            if (replicaMode) {
                // A replica reports the key missing to clients but keeps it until the master's DEL arrives;
                // the master's own commands still see it (as Redis's expireIfNeeded on a replica).
                return !applyingMaster;
            }
            delete(key);
            watches.touched(key); // Redis signals an expired key as modified (WATCH sees it)
            expiredKeys++;
            onExpired.accept(key);
            return true;
        }
        return false;
    }

    /** Called with each key this partition expires (lazily or actively), on its loop. */
    public void onExpired(java.util.function.Consumer<byte[]> listener) {
        this.onExpired = listener;
    }

    /** Replica mode: no active expiry, no deletion on access (the master sends DELs). */
    public void setReplicaMode(boolean replicaMode) {
        this.replicaMode = replicaMode;
    }

    public boolean isReplicaMode() {
        return replicaMode;
    }

    /** Set around each command applied from the master's stream. */
    public void setApplyingMaster(boolean applyingMaster) {
        this.applyingMaster = applyingMaster;
    }

    public boolean exists(byte[] key) {
        return peek(key) != null;
    }

    /** String value or null; WRONGTYPE if the key holds another type. */
    public byte[] getString(byte[] key) {
        return typed(lookupRead(key), byte[].class);
    }

    public HashValue getHash(byte[] key) {
        return typed(lookupRead(key), HashValue.class);
    }

    public SetValue getSet(byte[] key) {
        return typed(lookupRead(key), SetValue.class);
    }

    public ListValue getList(byte[] key) {
        return typed(lookupRead(key), ListValue.class);
    }

    public ZSetValue getZSet(byte[] key) {
        return typed(lookupRead(key), ZSetValue.class);
    }

    public HashValue getOrCreateHash(byte[] key) {
        HashValue v = typed(peek(key), HashValue.class);
        if (v == null) {
            v = new HashValue();
            insertNew(key, v);
        }
        return v;
    }

    public SetValue getOrCreateSet(byte[] key) {
        SetValue v = typed(peek(key), SetValue.class);
        if (v == null) {
            v = new SetValue();
            insertNew(key, v);
        }
        return v;
    }

    public ListValue getOrCreateList(byte[] key) {
        ListValue v = typed(peek(key), ListValue.class);
        if (v == null) {
            v = new ListValue();
            insertNew(key, v);
        }
        return v;
    }

    public ZSetValue getOrCreateZSet(byte[] key) {
        ZSetValue v = typed(peek(key), ZSetValue.class);
        if (v == null) {
            v = new ZSetValue();
            insertNew(key, v);
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static <T> T typed(Object v, Class<T> type) {
        if (v == null) {
            return null;
        }
        if (v.getClass() != type) {
            throw WrongTypeException.INSTANCE;
        }
        return (T) v;
    }

    // ---- writes --------------------------------------------------------------------------------------------

    private void insertNew(byte[] key, Object value) {
        data.put(key, value);
        slotCounts[SlotHash.slot(key)]++;
        slotKeys.inserted();
    }

    /** Stores {@code value}, dropping any TTL (SET semantics). */
    public void set(byte[] key, Object value) {
        if (data.put(key, value) == null) {
            slotCounts[SlotHash.slot(key)]++;
            slotKeys.inserted();
        } else if (expires.size() > 0) {
            expires.remove(key);
        }
    }

    /** Replaces the value of an existing live key, keeping its TTL (APPEND, INCR, SETRANGE...). */
    public void replaceKeepTtl(byte[] key, Object value) {
        if (data.put(key, value) == null) {
            slotCounts[SlotHash.slot(key)]++;
            slotKeys.inserted();
        }
    }

    public boolean delete(byte[] key) {
        if (data.remove(key) == null) {
            return false;
        }
        slotCounts[SlotHash.slot(key)]--;
        if (expires.size() > 0) {
            expires.remove(key);
        }
        return true;
    }

    /** Deletes the key if its collection value became empty (Redis never keeps empty collections). */
    public void deleteIfEmpty(byte[] key, Object value) {
        boolean empty = value instanceof HashValue h ? h.isEmpty()
                : value instanceof SetValue s ? s.isEmpty()
                : value instanceof ListValue l ? l.isEmpty()
                : value instanceof ZSetValue z && z.isEmpty();
        if (empty) {
            delete(key);
        }
    }

    // ---- expiry --------------------------------------------------------------------------------------------

    /** Absolute expiry in ms, or -1 without TTL (caller checked the key exists). */
    public long expireAt(byte[] key) {
        Object when = expires.size() == 0 ? null : expires.get(key);
        return when == null ? -1 : (Long) when;
    }

    /** Sets an absolute expiry in ms on an existing key; a time in the past deletes it (returns false then). */
    public boolean setExpireAt(byte[] key, long whenMs) {
        if (whenMs <= now()) {
            delete(key);
            return false;
        }
        byte[] stored = data.storedKey(key);
        expires.put(stored != null ? stored : key, whenMs);
        return true;
    }

    public boolean persist(byte[] key) {
        return expires.size() > 0 && expires.remove(key) != null;
    }

    public int keysWithExpiry() {
        return expires.size();
    }

    /**
     * One round of Redis-style active expiry: sample up to 20 keys with a TTL, delete expired ones, repeat while
     * more than a quarter of the sample was expired (bounded by {@code maxRounds}).
     */
    public int activeExpireCycle(int maxRounds) {
        int total = 0;
        if (replicaMode) {
            return 0;
        }
        long now = now();
        for (int round = 0; round < maxRounds && expires.size() > 0; round++) {
            int sampled = 0;
            int expired = 0;
            int cap = expires.capacity();
            int start = ThreadLocalRandom.current().nextInt(cap);
            List<byte[]> victims = new ArrayList<>();
            for (int i = 0; i < cap && sampled < 20; i++) {
                int pos = (start + i) & (cap - 1);
                byte[] k = expires.keyAt(pos);
                if (k != null) {
                    sampled++;
                    if ((Long) expires.valueAt(pos) <= now) {
                        victims.add(k);
                    }
                }
            }
            for (byte[] k : victims) {
                delete(k);
                onExpired.accept(k);
                watches.touched(k);
                expired++;
            }
            expiredKeys += expired;
            total += expired;
            if (expired * 4 <= sampled) {
                break;
            }
        }
        return total;
    }

    // ---- whole-partition operations -------------------------------------------------------------------------

    public int size() {
        return data.size();
    }

    public KeyTable table() {
        return data;
    }

    public long countKeysInSlot(int slot) {
        return slotCounts[slot];
    }

    /** Up to {@code count} live keys of {@code slot} (GETKEYSINSLOT and migration; see {@link SlotKeyIndex}). */
    public List<byte[]> keysInSlot(int slot, int count) {
        return slotKeys.keys(slot, count);
    }

    public byte[] randomKey() {
        for (int attempt = 0; attempt < 100 && data.size() > 0; attempt++) {
            int cap = data.capacity();
            int start = ThreadLocalRandom.current().nextInt(cap);
            for (int i = 0; i < cap; i++) {
                byte[] k = data.keyAt((start + i) & (cap - 1));
                if (k != null) {
                    if (peek(k) != null) {
                        return k;
                    }
                    break;
                }
            }
        }
        return null;
    }

    public void flush() {
        data.clear();
        expires.clear();
        java.util.Arrays.fill(slotCounts, 0);
        slotKeys.cleared();
        watches.touchedAll();
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }

    public long expiredKeys() {
        return expiredKeys;
    }

    public void resetStats() {
        hits = 0;
        misses = 0;
        expiredKeys = 0;
    }

    /** Whether the live key has a TTL (used by SCAN/KEYS filters without expiring). */
    public boolean isExpired(byte[] key) {
        Object when = expires.size() == 0 ? null : expires.get(key);
        return when != null && (Long) when <= now();
    }
}
