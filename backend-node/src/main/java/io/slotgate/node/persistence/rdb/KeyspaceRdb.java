package io.slotgate.node.persistence.rdb;

import io.slotgate.node.store.KeyTable;
import io.slotgate.node.store.Keyspace;
import io.slotgate.node.store.Partition;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Moves a whole keyspace to and from RDB entries, each partition's part on the partition's own loop:
 * {@link #capture} copies the live keys out (for a snapshot or a full sync), {@link #load} puts entries in
 * (after reading a dump.rdb). Pair with {@link RdbFileWriter} / {@link RdbFileReader} for the file itself.
 */
public final class KeyspaceRdb {

    private KeyspaceRdb() {
    }

    /** Every live key with its value (copied) and expiry, partition by partition. */
    public static CompletableFuture<List<RdbEntry>> capture(Keyspace keyspace) {
        return keyspace.gather(KeyspaceRdb::capturePartition).thenApply(parts -> {
            List<RdbEntry> all = new ArrayList<>();
            parts.forEach(all::addAll);
            return all;
        });
    }

    private static List<RdbEntry> capturePartition(Partition p) {
        KeyTable table = p.table();
        List<RdbEntry> out = new ArrayList<>(p.size());
        for (int i = 0; i < table.capacity(); i++) {
            byte[] key = table.keyAt(i);
            if (key == null || p.isExpired(key)) {
                continue;
            }
            out.add(new RdbEntry(key.clone(), StoreValues.toRdbCopy(table.valueAt(i)), p.expireAt(key)));
        }
        return out;
    }

    /**
     * Stores the entries (replacing existing keys); entries already expired are skipped, as Redis skips them
     * when a master loads a file. Completes with the number of keys stored.
     */
    public static CompletableFuture<Integer> load(Keyspace keyspace, List<RdbEntry> entries) {
        List<List<RdbEntry>> byPartition = new ArrayList<>();
        for (int i = 0; i < keyspace.partitionCount(); i++) {
            byPartition.add(new ArrayList<>());
        }
        for (RdbEntry e : entries) {
            byPartition.get(keyspace.partitionOfKey(e.key())).add(e);
        }
        List<CompletableFuture<Integer>> parts = new ArrayList<>();
        for (int i = 0; i < byPartition.size(); i++) {
            List<RdbEntry> mine = byPartition.get(i);
            parts.add(keyspace.submit(i, p -> loadPartition(p, mine)));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(v -> parts.stream().mapToInt(CompletableFuture::join).sum());
    }

    private static int loadPartition(Partition p, List<RdbEntry> entries) {
        int stored = 0;
        long now = p.now();
        for (RdbEntry e : entries) {
            if (e.expireAtMs() >= 0 && e.expireAtMs() <= now) {
                continue;
            }
            p.set(e.key(), StoreValues.toStore(e.value()));
            if (e.expireAtMs() >= 0) {
                p.setExpireAt(e.key(), e.expireAtMs());
            }
            p.watches().touched(e.key());
            p.blocking().signalReady(e.key());
            stored++;
        }
        p.blocking().serveReady();
        return stored;
    }

    /** Entries handed to the partitions at once while streaming a file (bounds the memory a load takes). */
    public static final int DEFAULT_LOAD_BATCH = 1024;

    /**
     * Reads a whole RDB file into the keyspace, a batch at a time. Blocks: call it from a thread that is not
     * one of the keyspace's event loops (startup, the replication thread).
     */
    public static RdbFileReader.Summary loadFile(Keyspace keyspace, InputStream in) throws RdbFormatException {
        List<RdbEntry> batch = new ArrayList<>(DEFAULT_LOAD_BATCH);
        RdbFileReader.Summary summary = RdbFileReader.read(in, e -> {
            batch.add(e);
            if (batch.size() == DEFAULT_LOAD_BATCH) {
                load(keyspace, List.copyOf(batch)).join();
                batch.clear();
            }
        });
        load(keyspace, batch).join();
        return summary;
    }

    /** Captures the keyspace and writes it as one RDB file (copies the data first; see {@link #capture}). */
    public static CompletableFuture<Integer> writeFile(Keyspace keyspace, OutputStream out, long nowMs) {
        return capture(keyspace).thenApply(entries -> {
            RdbFileWriter.write(out, RdbFileWriter.defaultAux(nowMs), entries);
            return entries.size();
        });
    }
}
