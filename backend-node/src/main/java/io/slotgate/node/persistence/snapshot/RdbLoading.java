package io.slotgate.node.persistence.snapshot;

import io.slotgate.node.persistence.rdb.KeyspaceRdb;
import io.slotgate.node.persistence.rdb.RdbEntry;
import io.slotgate.node.persistence.rdb.RdbFileReader;
import io.slotgate.node.persistence.rdb.RdbFormatException;
import io.slotgate.node.store.Keyspace;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Streams an RDB file (a dump.rdb or an AOF base) into the keyspace in batches, from a thread that is not one of
 * the partition loops. {@code keyLoadDelayMicros} is Redis's debugging {@code key-load-delay}: a pause per key
 * so that tests can watch the LOADING state.
 */
public final class RdbLoading {

    private RdbLoading() {
    }

    public static RdbFileReader.Summary load(Keyspace keyspace, InputStream in, long keyLoadDelayMicros)
            throws RdbFormatException {
        List<RdbEntry> batch = new ArrayList<>(KeyspaceRdb.DEFAULT_LOAD_BATCH);
        RdbFileReader.Summary summary = RdbFileReader.read(in, e -> {
            batch.add(e);
            if (keyLoadDelayMicros > 0) {
                LockSupport.parkNanos(keyLoadDelayMicros * 1000);
            }
            if (batch.size() == KeyspaceRdb.DEFAULT_LOAD_BATCH) {
                KeyspaceRdb.load(keyspace, List.copyOf(batch)).join();
                batch.clear();
            }
        });
        KeyspaceRdb.load(keyspace, batch).join();
        return summary;
    }
}
