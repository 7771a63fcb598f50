package io.slotgate.node.persistence.snapshot;

import io.netty.buffer.ByteBuf;
import io.slotgate.node.persistence.aof.AofManifest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes snapshot bytes to a file so that a crash leaves either the old file or the complete new one. */
public final class RdbFiles {

    private RdbFiles() {
    }

    /** Writes {@code rdb} (released here) to a temporary file, forces it and renames it to {@code target}. */
    public static long writeAtomically(ByteBuf rdb, Path target) throws IOException {
        Path tmp = target.resolveSibling("temp-" + ProcessHandle.current().pid() + "-" + target.getFileName());
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer[] parts = rdb.nioBuffers();
            long total = rdb.readableBytes();
            long written = 0;
            while (written < total) {
                written += ch.write(parts);
            }
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            rdb.release();
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        AofManifest.syncDirectory(target.getParent());
        return Files.size(target);
    }
}
