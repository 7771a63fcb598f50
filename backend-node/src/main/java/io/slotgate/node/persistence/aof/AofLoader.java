package io.slotgate.node.persistence.aof;

import io.slotgate.node.persistence.PersistenceException;
import io.slotgate.node.persistence.PersistenceOptions;
import io.slotgate.node.persistence.rdb.RdbFormatException;
import io.slotgate.node.persistence.snapshot.RdbLoading;
import io.slotgate.node.replication.StreamApplier;
import io.slotgate.node.store.Keyspace;
import io.slotgate.routing.resp.RespRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * Loads a multi-part AOF at start-up: the base (RDB, or RESP commands for a base written by an older Redis),
 * then every incremental file in order, each command applied as a replica applies its master's stream
 * ({@link StreamApplier}). Runs on the start-up thread before clients are served.
 * <p>
 * A file that cannot be read to its end is reported with its name and offset. Only the last file may be cut
 * short (the others were complete when the next one started): with {@code aof-load-truncated yes} its valid
 * prefix is loaded and the file truncated there, as Redis does, so new writes follow complete commands;
 * otherwise start-up stops.
 */
public final class AofLoader {

    private static final Logger log = LoggerFactory.getLogger(AofLoader.class);
    /** Commands handed to the partitions before waiting for them to catch up (bounds the queued work). */
    private static final int SYNC_EVERY = 8192;

    private final PersistenceOptions options;
    private final Keyspace keyspace;
    private final StreamApplier applier;

    public AofLoader(PersistenceOptions options, Keyspace keyspace, StreamApplier applier) {
        this.options = options;
        this.keyspace = keyspace;
        this.applier = applier;
    }

    /** What was loaded. */
    public record Result(long baseKeys, long commands) {
    }

    public Result load(AofManifest manifest) throws PersistenceException {
        Path dir = options.aofDir();
        long baseKeys = 0;
        long commands = 0;
        AofManifest.AofFile last = manifest.current();
        for (AofManifest.AofFile f : manifest.all()) {
            Path file = dir.resolve(f.name());
            if (!Files.exists(file)) {
                if (f.type() == AofManifest.Type.INCR && f.equals(last)) {
                    continue; // an empty incremental file may never have been created
                }
                throw new PersistenceException("The AOF file " + file + " named by the manifest does not exist");
            }
            try (PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 5)) {
                if (f.type() == AofManifest.Type.BASE && startsWithRdbMagic(in)) {
                    baseKeys += RdbLoading.load(keyspace, in, options.keyLoadDelayMicros()).keys();
                    log.info("DB loaded from base file {}: {} keys", f.name(), baseKeys);
                    continue;
                }
                commands += replay(file, in, f.equals(last));
                log.info("DB loaded from {} file {}", f.type() == AofManifest.Type.BASE ? "base" : "incr", f.name());
            } catch (RdbFormatException e) {
                throw new PersistenceException("Bad file format reading the AOF base file " + file + ": "
                        + e.getMessage());
            } catch (IOException e) {
                throw new PersistenceException("Cannot read the AOF file " + file + ": " + e.getMessage(), e);
            }
        }
        keyspace.gather(p -> Boolean.TRUE).join();
        return new Result(baseKeys, commands);
    }

    private long replay(Path file, InputStream in, boolean isLast) throws IOException, PersistenceException {
        long[] n = new long[1];
        AofReader reader = new AofReader(in);
        try {
            reader.readAll(args -> {
                applier.apply(RespRequest.of(args));
                if (options.keyLoadDelayMicros() > 0) {
                    LockSupport.parkNanos(options.keyLoadDelayMicros() * 1000);
                }
                if (++n[0] % SYNC_EVERY == 0) {
                    keyspace.gather(p -> Boolean.TRUE).join();
                }
            });
            return n[0];
        } catch (AofFormatException e) {
            applier.discardTransaction();
            String what = (e.truncated() ? "Unexpected end of file" : "Bad file format (" + e.getMessage() + ")")
                    + " reading the append only file " + file + " at offset " + e.offset()
                    + "; the last complete command ends at offset " + e.validEnd();
            if (!isLast) {
                throw new PersistenceException(what + ". Only the last AOF file may be cut short: repair it with "
                        + "redis-check-aof --fix");
            }
            if (!options.aofLoadTruncated()) {
                throw new PersistenceException(what + ". Start with aof-load-truncated yes to load the valid prefix "
                        + "(the file is then truncated to offset " + e.validEnd() + "), or repair it with "
                        + "redis-check-aof --fix");
            }
            in.close();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(e.validEnd());
                ch.force(true);
            }
            log.warn("!!! Warning: {}. AOF loaded anyway because aof-load-truncated is enabled; {} commands kept, "
                    + "file truncated to offset {}", what, n[0], e.validEnd());
            return n[0];
        }
    }

    private static boolean startsWithRdbMagic(PushbackInputStream in) throws IOException {
        byte[] head = in.readNBytes(5);
        in.unread(head);
        return head.length == 5 && new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("REDIS");
    }
}
