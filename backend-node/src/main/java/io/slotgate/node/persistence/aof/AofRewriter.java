package io.slotgate.node.persistence.aof;

import io.slotgate.node.persistence.snapshot.RdbFiles;
import io.slotgate.node.replication.ReplicationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * BGREWRITEAOF without stopping clients and without fork. The replication Snapshotter cuts the write stream at one
 * point (the same cut a full sync uses): at the cut, on the replication loop, the writer switches to a new
 * incremental file, so every write after the cut lands there while every write before it is in the snapshot. The
 * snapshot is written as the new base (an RDB "preamble") off the client path; then the manifest is switched
 * atomically to base + the incremental files from the cut on, and the old files are deleted. A crash at any
 * moment leaves a manifest that names a complete, consistent set.
 */
public final class AofRewriter {

    private static final Logger log = LoggerFactory.getLogger(AofRewriter.class);

    private final ReplicationManager replication;
    private final Executor io;

    /** @param io where base files are written (the persistence thread) */
    public AofRewriter(ReplicationManager replication, Executor io) {
        this.replication = replication;
        this.io = io;
    }

    /**
     * Rewrites the set the running {@code writer} appends to. Completes with the new base's size.
     */
    public CompletableFuture<Long> rewrite(AofWriter writer) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        AtomicReference<AofManifest.AofFile> firstKept = new AtomicReference<>();
        AofManifest before = writer.manifest();
        AofManifest.AofFile newBase = before.nextBase();
        replication.snapshot(() -> writer.switchToNewIncr(firstKept::set), rdb -> io.execute(() -> {
            try {
                long size = RdbFiles.writeAtomically(rdb, writer.dir().resolve(newBase.name()));
                writer.installBase(newBase, firstKept::get, ok -> {
                    if (ok && firstKept.get() != null) {
                        result.complete(size);
                    } else {
                        result.completeExceptionally(new IOException("could not switch the AOF manifest"));
                    }
                });
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        }), why -> result.completeExceptionally(new IOException(why)));
        return result;
    }

    /**
     * Creates a new set in {@code dir} from the current data (appendonly turned on, or first start with it): at the
     * cut {@code startWriter} opens the writer on a fresh incremental file (and attaches it to the stream); the
     * base follows; the manifest is written last, then files of any older set are deleted. Completes with the
     * writer.
     */
    public CompletableFuture<AofWriter> create(Path dir, String prefix, AofManifest stale,
                                               Function<AofManifest, AofWriter> startWriter) {
        CompletableFuture<AofWriter> result = new CompletableFuture<>();
        long seq = stale == null ? 1 : stale.maxSeq() + 1;
        AofManifest fresh = new AofManifest(prefix, null, List.of(AofManifest.incr(prefix, seq)));
        AofManifest.AofFile base = AofManifest.base(prefix, seq);
        AtomicReference<AofWriter> started = new AtomicReference<>();
        replication.snapshot(() -> started.set(startWriter.apply(fresh)), rdb -> io.execute(() -> {
            AofWriter w = started.get();
            if (w == null) {
                rdb.release();
                result.completeExceptionally(new IOException("could not open the AOF file in " + dir));
                return;
            }
            try {
                RdbFiles.writeAtomically(rdb, dir.resolve(base.name()));
                w.installBase(base, fresh::current, ok -> {
                    if (!ok) {
                        result.completeExceptionally(new IOException("could not write the AOF manifest"));
                        return;
                    }
                    deleteStale(dir, stale, w.manifest());
                    result.complete(w);
                });
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        }), why -> result.completeExceptionally(new IOException(why)));
        return result;
    }

    private static void deleteStale(Path dir, AofManifest stale, AofManifest current) {
        if (stale == null) {
            return;
        }
        for (AofManifest.AofFile f : stale.all()) {
            if (!current.all().contains(f)) {
                try {
                    Files.deleteIfExists(dir.resolve(f.name()));
                } catch (IOException e) {
                    log.warn("AOF: cannot delete old file {}: {}", f.name(), e.getMessage());
                }
            }
        }
    }
}
