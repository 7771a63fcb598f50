package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The replication backlog: a fixed ring of the last {@code size} bytes of the replication stream, with the
 * stream offset of its last byte (master_repl_offset). Owned by the replication loop.
 * <p>
 * Offsets follow Redis (replication.md §3, §4): the byte at offset {@code o} is the o-th byte ever produced, so an
 * empty backlog created at offset 14 has first byte offset 15.
 */
public final class ReplicationBacklog {

    private final byte[] ring;
    /** Where the next byte goes. */
    private int writeIndex;
    private long histlen;
    private long offset;

    public ReplicationBacklog(int size, long offset) {
        if (size <= 0) {
            throw new IllegalArgumentException("backlog size must be positive");
        }
        this.ring = new byte[size];
        this.offset = offset;
    }

    public int size() {
        return ring.length;
    }

    /** Offset of the last byte produced (master_repl_offset). */
    public long offset() {
        return offset;
    }

    public long histlen() {
        return histlen;
    }

    /** repl_backlog_first_byte_offset. */
    public long firstByteOffset() {
        return offset - histlen + 1;
    }

    /** Appends the readable bytes of {@code src} without consuming them. */
    public void append(ByteBuf src) {
        int len = src.readableBytes();
        int from = src.readerIndex();
        offset += len;
        histlen = Math.min(ring.length, histlen + len);
        if (len >= ring.length) {
            src.getBytes(from + len - ring.length, ring, 0, ring.length);
            writeIndex = 0;
            return;
        }
        int first = Math.min(len, ring.length - writeIndex);
        src.getBytes(from, ring, writeIndex, first);
        if (first < len) {
            src.getBytes(from + first, ring, 0, len - first);
        }
        writeIndex = (writeIndex + len) % ring.length;
    }

    /** Whether a replica asking for the stream from byte {@code from} on can be served from here (§2.2). */
    public boolean covers(long from) {
        return from >= firstByteOffset() && from <= offset + 1;
    }

    /** The bytes from offset {@code from} to the end; {@link #covers} must hold. */
    public ByteBuf copyFrom(long from) {
        if (!covers(from)) {
            throw new IllegalArgumentException("offset " + from + " is outside the backlog");
        }
        int len = (int) (offset - from + 1);
        ByteBuf out = Unpooled.buffer(len);
        int start = Math.floorMod(writeIndex - len, ring.length);
        int first = Math.min(len, ring.length - start);
        out.writeBytes(ring, start, first);
        if (first < len) {
            out.writeBytes(ring, 0, len - first);
        }
        return out;
    }
}
