package io.slotgate.node.cluster.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Reads and atomically rewrites nodes.conf. A save writes a temporary file next to it, fsyncs it and renames it
 * over the old one, so a crash leaves either the old or the new configuration (the goal of cluster-engine.md
 * §13.3, reached with a rename instead of Redis's in-place write). A sibling ".lock" file is held exclusively for
 * the node's life so two nodes cannot share one config (§13.2).
 */
public final class NodesConfFile implements AutoCloseable {

    private final Path path;
    private FileChannel lockChannel;
    private FileLock lock;

    public NodesConfFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /** Takes the exclusive lock. @throws IOException if another node holds it */
    public void lock() throws IOException {
        Path dir = path.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path lockPath = path.resolveSibling(path.getFileName() + ".lock");
        lockChannel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by another node inside this JVM
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            throw new IOException("cluster config file " + path + " is locked by another node");
        }
    }

    /**
     * The parsed file, or empty if it is missing or empty (a brand-new node, §13.2).
     *
     * @throws IllegalArgumentException if it is corrupted
     */
    public Optional<NodesConf> load() throws IOException {
        if (!Files.exists(path) || Files.size(path) == 0) {
            return Optional.empty();
        }
        return Optional.of(NodesConf.parse(Files.readString(path, StandardCharsets.UTF_8)));
    }

    /** Writes {@code conf} with fsync and an atomic rename. */
    public void save(NodesConf conf) throws IOException {
        save(conf, true);
    }

    /**
     * Writes {@code conf} with an atomic rename; fsync only when asked (cluster-engine.md §13.3: most SETSLOT
     * saves skip it, which keeps a resharding of thousands of slots from waiting on the disk).
     */
    public void save(NodesConf conf, boolean fsync) throws IOException {
        byte[] bytes = conf.render().getBytes(StandardCharsets.UTF_8);
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            if (fsync) {
                ch.force(true);
            }
        }
        try {
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // the lock goes away with the channel anyway
        } finally {
            lock = null;
            lockChannel = null;
        }
    }
}
