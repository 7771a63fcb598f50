package io.slotgate.node.persistence.aof;

import io.netty.buffer.ByteBuf;
import io.slotgate.node.replication.StreamSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Appends the node's write stream to the current incremental AOF file. One thread ("aof-writer") owns the file
 * channel and the manifest; everything else hands it work through one FIFO queue, so stream bytes, durability
 * waiters and file switches keep the order they were queued in (the replication loop queues them in stream order).
 * <p>
 * Group commit: the thread takes everything queued, writes it with one gathering write, and under
 * {@link FsyncPolicy#ALWAYS} forces the file once before it runs the waiters of that batch; replies of writes
 * that arrive during an fsync wait for the next one. Under {@link FsyncPolicy#EVERYSEC} the force happens at most
 * once a second on this thread, never on a client's path; under {@link FsyncPolicy#NO} never.
 */
public final class AofWriter implements StreamSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AofWriter.class);
    /** Buffers gathered into one write call at most. */
    private static final int MAX_GATHER = 1024;

    private record Waiter(Runnable done) {
    }

    private record Task(Runnable run) {
    }

    private static final Object STOP = new Object();

    private final Path dir;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile FsyncPolicy policy;

    // ---- owned by the writer thread (volatile where INFO reads them) ----
    private volatile AofManifest manifest;
    private FileChannel channel;
    private volatile long incrSize;
    private volatile long historySize;
    private volatile long baseSize;
    private volatile boolean lastWriteOk = true;
    private boolean dirty;
    private long lastFsyncNanos = System.nanoTime();

    /** Opens (creating if needed) the manifest's current incremental file for appending and starts the thread. */
    public AofWriter(Path dir, AofManifest manifest, FsyncPolicy policy) throws IOException {
        this.dir = dir;
        this.manifest = manifest;
        this.policy = policy;
        this.channel = openForAppend(dir.resolve(manifest.current().name()));
        this.incrSize = channel.size();
        this.historySize = sizeOfIncrsBefore(manifest);
        this.baseSize = manifest.base() == null ? 0 : sizeOf(dir.resolve(manifest.base().name()));
        this.thread = new Thread(this::run, "aof-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    // ================================ StreamSink (replication loop) ================================

    @Override
    public void append(ByteBuf bytes) {
        queue.add(bytes.retainedDuplicate());
    }

    @Override
    public boolean syncEveryWrite() {
        return policy == FsyncPolicy.ALWAYS;
    }

    @Override
    public void whenDurable(Runnable done) {
        queue.add(new Waiter(done));
    }

    // ================================ control (any thread; ordered with the stream) ================================

    public void setPolicy(FsyncPolicy p) {
        policy = p;
    }

    public FsyncPolicy policy() {
        return policy;
    }

    /**
     * A rewrite's cut: the current file is forced and closed, later stream bytes go to a new incremental file.
     * {@code onSwitched} gets that new file (on the writer thread), or null if it could not be created.
     */
    public void switchToNewIncr(Consumer<AofManifest.AofFile> onSwitched) {
        queue.add(new Task(() -> {
            AofManifest next = manifest.withNextIncr();
            try {
                channel.force(false);
                FileChannel fresh = openForAppend(dir.resolve(next.current().name()));
                next.write(dir);
                channel.close();
                channel = fresh;
                historySize += incrSize;
                incrSize = 0;
                manifest = next;
                onSwitched.accept(next.current());
            } catch (IOException e) {
                log.error("AOF: cannot open a new incremental file {}: {}", next.current().name(), e.getMessage());
                onSwitched.accept(null);
            }
        }));
    }

    /**
     * A rewrite's end: {@code newBase} (already written and forced) replaces the old base and every incremental
     * file before {@code firstKept}; the manifest is switched atomically, then the old files are deleted.
     */
    public void installBase(AofManifest.AofFile newBase, java.util.function.Supplier<AofManifest.AofFile> firstKept,
                            Consumer<Boolean> done) {
        queue.add(new Task(() -> {
            AofManifest old = manifest;
            AofManifest next = old.rebased(newBase, firstKept.get());
            try {
                next.write(dir);
            } catch (IOException e) {
                log.error("AOF: cannot write the manifest after a rewrite: {}", e.getMessage());
                done.accept(false);
                return;
            }
            manifest = next;
            for (AofManifest.AofFile f : old.all()) {
                if (!next.all().contains(f)) {
                    try {
                        Files.deleteIfExists(dir.resolve(f.name()));
                    } catch (IOException e) {
                        log.warn("AOF: cannot delete old file {}: {}", f.name(), e.getMessage());
                    }
                }
            }
            historySize = sizeOfIncrsBefore(next);
            baseSize = sizeOf(dir.resolve(newBase.name()));
            done.accept(true);
        }));
    }

    /** Runs {@code r} on the writer thread after everything queued so far. */
    public void after(Runnable r) {
        queue.add(new Task(r));
    }

    // ================================ views ================================

    public AofManifest manifest() {
        return manifest;
    }

    /** Base + every incremental file (INFO aof_current_size). */
    public long currentSize() {
        return baseSize + historySize + incrSize;
    }

    /** The base's size after the last rewrite (INFO aof_base_size). */
    public long baseSize() {
        return baseSize;
    }

    public boolean lastWriteOk() {
        return lastWriteOk;
    }

    public Path dir() {
        return dir;
    }

    // ================================ the writer thread ================================

    private void run() {
        List<Object> batch = new ArrayList<>();
        List<ByteBuf> data = new ArrayList<>();
        List<Runnable> waiters = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            Object first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (first != null) {
                batch.add(first);
                queue.drainTo(batch);
            }
            for (Object o : batch) {
                if (o instanceof ByteBuf b) {
                    data.add(b);
                    if (data.size() >= MAX_GATHER) {
                        write(data);
                    }
                } else if (o instanceof Waiter w) {
                    waiters.add(w.done());
                } else if (o instanceof Task t) {
                    write(data);
                    syncIfAlways(waiters);
                    t.run().run();
                } else if (o == STOP) {
                    stop = true;
                }
            }
            batch.clear();
            write(data);
            syncIfAlways(waiters);
            if (policy == FsyncPolicy.EVERYSEC && dirty
                    && System.nanoTime() - lastFsyncNanos >= TimeUnit.SECONDS.toNanos(1)) {
                force();
            }
        }
        write(data);
        force();
        waiters.forEach(Runnable::run);
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("AOF: close failed: {}", e.getMessage());
        }
    }

    private void write(List<ByteBuf> data) {
        if (data.isEmpty()) {
            return;
        }
        try {
            List<ByteBuffer> nio = new ArrayList<>(data.size());
            long total = 0;
            for (ByteBuf b : data) {
                for (ByteBuffer bb : b.nioBuffers()) {
                    nio.add(bb);
                    total += bb.remaining();
                }
            }
            ByteBuffer[] arr = nio.toArray(ByteBuffer[]::new);
            long written = 0;
            while (written < total) {
                written += channel.write(arr);
            }
            incrSize += total;
            dirty = true;
            if (!lastWriteOk) {
                log.warn("AOF write error looks solved, the node can write again.");
            }
            lastWriteOk = true;
        } catch (IOException e) {
            if (lastWriteOk) {
                log.error("Error writing to the AOF file {}: {}", manifest.current().name(), e.getMessage());
            }
            lastWriteOk = false;
        } finally {
            data.forEach(ByteBuf::release);
            data.clear();
        }
    }

    private void syncIfAlways(List<Runnable> waiters) {
        if (policy == FsyncPolicy.ALWAYS && dirty) {
            force();
        }
        if (!waiters.isEmpty()) {
            waiters.forEach(Runnable::run);
            waiters.clear();
        }
    }

    private void force() {
        if (!dirty) {
            return;
        }
        try {
            channel.force(false);
            dirty = false;
            lastFsyncNanos = System.nanoTime();
        } catch (IOException e) {
            log.error("AOF fsync failed on {}: {}", manifest.current().name(), e.getMessage());
            lastWriteOk = false;
        }
    }

    /** Drains the queue, forces the file and stops the thread. */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static FileChannel openForAppend(Path file) throws IOException {
        boolean existed = Files.exists(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        if (!existed) {
            AofManifest.syncDirectory(file.getParent());
        }
        return ch;
    }

    private long sizeOfIncrsBefore(AofManifest m) {
        long total = 0;
        for (AofManifest.AofFile f : m.incrs()) {
            if (f.seq() < m.current().seq()) {
                total += sizeOf(dir.resolve(f.name()));
            }
        }
        return total;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
