package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.slotgate.node.persistence.rdb.RdbFileReader;
import io.slotgate.node.persistence.rdb.RdbFormatException;
import io.slotgate.node.persistence.rdb.StoreValues;
import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandEntry;
import io.slotgate.node.command.Dispatcher;
import io.slotgate.node.command.NodeContext;
import io.slotgate.node.store.Keyspace;
import io.slotgate.node.store.Partition;
import io.slotgate.routing.resp.RespRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Replica side: loads a snapshot and applies the master's commands to the keyspace. Called on the replication
 * loop in stream order; each command is handed to its partition's loop, whose FIFO queue keeps the stream order
 * per partition (hence per slot). Commands run like a client's but without the slot gate, without a reply, and
 * with the partition told that the master is speaking (it then sees logically expired keys, as Redis).
 */
public final class StreamApplier {

    private static final Logger log = LoggerFactory.getLogger(StreamApplier.class);
    private static final int LOAD_BATCH = 512;

    private final Keyspace keyspace;
    private NodeContext node;

    public StreamApplier(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    public void attach(NodeContext node) {
        this.node = node;
    }

    /** Empties every partition (before a full resync's snapshot is loaded). */
    void flushAll() {
        for (int i = 0; i < keyspace.partitionCount(); i++) {
            Partition p = keyspace.partition(i);
            keyspace.loop(i).execute(p::flush);
        }
    }

    /** Parses the snapshot here and hands its keys to their partitions in batches; returns the key count. */
    long load(ByteBuf rdb) throws RdbFormatException {
        int n = keyspace.partitionCount();
        List<List<Object[]>> batches = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batches.add(new ArrayList<>(LOAD_BATCH));
        }
        long[] count = new long[1];
        // the shared RDB reader (persistence.rdb) knows every Redis 7.0 encoding, so real masters load too
        RdbFileReader.read(new ByteBufInputStream(rdb), e -> {
            byte[] key = e.key();
            int p = keyspace.partitionOfKey(key);
            List<Object[]> batch = batches.get(p);
            batch.add(new Object[]{key, StoreValues.toStore(e.value()), e.expireAtMs()});
            count[0]++;
            if (batch.size() >= LOAD_BATCH) {
                submitLoad(p, batch);
                batches.set(p, new ArrayList<>(LOAD_BATCH));
            }
        });
        for (int p = 0; p < n; p++) {
            if (!batches.get(p).isEmpty()) {
                submitLoad(p, batches.get(p));
            }
        }
        return count[0];
    }

    private void submitLoad(int index, List<Object[]> batch) {
        Partition p = keyspace.partition(index);
        keyspace.loop(index).execute(() -> {
            for (Object[] e : batch) {
                byte[] key = (byte[]) e[0];
                p.set(key, e[1]);
                long at = (Long) e[2];
                if (at >= 0) {
                    p.setExpireAt(key, at); // an already expired key is dropped: the master's DEL would follow
                }
            }
        });
    }

    /**
     * Applies one command of the stream (ownership of {@code r} passes here). A MULTI ... EXEC block is applied as
     * one task on its partition's loop, so replica readers never see half of it.
     */
    public void apply(RespRequest r) {
        CommandEntry entry = node.registry().lookup(r);
        if (entry == null) {
            log.warn("unknown command in the replicated or logged stream: {}", r.argString(0));
            r.release();
            return;
        }
        switch (entry.name()) {
            case "multi" -> {
                discardTransaction();
                transaction = new ArrayList<>();
                r.release();
                return;
            }
            case "exec" -> {
                r.release();
                List<RespRequest> tx = transaction;
                transaction = null;
                if (tx != null) {
                    tx.forEach(this::applyOne);
                    runGrouped();
                }
                return;
            }
            default -> {
            }
        }
        if (transaction != null) {
            transaction.add(r);
            return;
        }
        applyOne(r);
        runGrouped();
    }

    /** Drops a transaction cut short (the link went down between MULTI and EXEC). */
    public void discardTransaction() {
        if (transaction != null) {
            transaction.forEach(RespRequest::release);
            transaction = null;
        }
    }

    private List<RespRequest> transaction;
    /** Commands waiting to be handed to each partition loop as one task (a transaction's, or a single one). */
    private final java.util.Map<Integer, List<Runnable>> pending = new java.util.LinkedHashMap<>();

    private void runGrouped() {
        for (var e : pending.entrySet()) {
            List<Runnable> steps = e.getValue();
            keyspace.loop(e.getKey()).execute(() -> steps.forEach(Runnable::run));
        }
        pending.clear();
    }

    private void applyOne(RespRequest r) {
        try {
            CommandEntry entry = node.registry().lookup(r);
            switch (entry.name()) {
                case "ping", "select", "replconf", "multi", "exec" -> {
                    return; // stream control
                }
                case "flushall", "flushdb" -> {
                    runGrouped();
                    flushAll();
                    return;
                }
                default -> {
                }
            }
            int[] keys = entry.keys().keys(r);
            if (keys.length == 0) {
                log.warn("replica: keyless command {} in the master's stream is not applied", entry.name());
                return;
            }
            int slot = r.argSlot(keys[0]);
            int index = keyspace.partitionOfSlot(slot);
            Partition p = keyspace.partition(index);
            r.retain();
            pending.computeIfAbsent(index, i -> new ArrayList<>()).add(() -> {
                Call call = new Call(node, null, r, entry);
                call.bind(p, slot, keys);
                p.setApplyingMaster(true);
                try {
                    Dispatcher.execute(call);
                } finally {
                    p.setApplyingMaster(false);
                    call.discard();
                    r.release();
                }
            });
        } finally {
            r.release();
        }
    }
}
