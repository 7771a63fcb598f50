package io.slotgate.node.persistence.snapshot;

import io.slotgate.node.replication.ReplicationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * SAVE / BGSAVE: a point-in-time RDB of the keyspace (the replication Snapshotter's cut, as a full sync) written
 * to {@code dbfilename} through a temporary file and a rename. One save at a time; the counters INFO shows live
 * here.
 */
public final class SnapshotService {

    private static final Logger log = LoggerFactory.getLogger(SnapshotService.class);

    private final ReplicationManager replication;
    private final Executor io;
    /** Writes since the last successful save (rdb_changes_since_last_save); counted by the stream sink. */
    private final AtomicLong changes = new AtomicLong();
    private volatile boolean inProgress;
    private volatile long lastSaveSeconds = System.currentTimeMillis() / 1000;
    private volatile boolean lastOk = true;
    private volatile long lastDurationSec = -1;
    private volatile long startedMillis;

    public SnapshotService(ReplicationManager replication, Executor io) {
        this.replication = replication;
        this.io = io;
    }

    public void countChange() {
        changes.incrementAndGet();
    }

    /** Starts a save to {@code target}; null when one is already running. Completes with the file size. */
    public synchronized CompletableFuture<Long> save(Supplier<Path> target) {
        if (inProgress) {
            return null;
        }
        inProgress = true;
        startedMillis = System.currentTimeMillis();
        CompletableFuture<Long> result = new CompletableFuture<>();
        long[] atCut = new long[1];
        replication.snapshot(() -> atCut[0] = changes.get(), rdb -> io.execute(() -> {
            Path file = target.get();
            try {
                long size = RdbFiles.writeAtomically(rdb, file);
                changes.addAndGet(-atCut[0]);
                lastSaveSeconds = System.currentTimeMillis() / 1000;
                done(true);
                log.info("DB saved on disk: {} ({} bytes)", file, size);
                result.complete(size);
            } catch (IOException e) {
                log.error("Failed saving the DB to {}: {}", file, e.getMessage());
                done(false);
                result.completeExceptionally(e);
            }
        }), why -> {
            log.error("Background saving failed: {}", why);
            done(false);
            result.completeExceptionally(new IOException(why));
        });
        return result;
    }

    private void done(boolean ok) {
        lastOk = ok;
        lastDurationSec = (System.currentTimeMillis() - startedMillis) / 1000;
        inProgress = false;
    }

    public long changes() {
        return changes.get();
    }

    public boolean inProgress() {
        return inProgress;
    }

    public long lastSaveSeconds() {
        return lastSaveSeconds;
    }

    /** Info: rdb_last_bgsave_status etc. */
    public void info(StringBuilder sb) {
        line(sb, "rdb_changes_since_last_save", changes.get());
        line(sb, "rdb_bgsave_in_progress", inProgress ? 1 : 0);
        line(sb, "rdb_last_save_time", lastSaveSeconds);
        sb.append("rdb_last_bgsave_status:").append(lastOk ? "ok" : "err").append("\r\n");
        line(sb, "rdb_last_bgsave_time_sec", lastDurationSec);
        line(sb, "rdb_current_bgsave_time_sec", inProgress ? (System.currentTimeMillis() - startedMillis) / 1000 : -1);
    }

    static void line(StringBuilder sb, String name, long v) {
        sb.append(name).append(':').append(v).append("\r\n");
    }
}
