package io.slotgate.proxy.backend;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * Gathers the small frames written to one channel during an event-loop iteration into one buffer, so the flush
 * hands the socket one message instead of one per request or reply. Each separate Netty write costs an outbound
 * entry (recycled object), a pipeline walk and reference counting, which profiled as the largest per-request cost
 * at pipeline depth 16; copying a few dozen bytes is cheaper. Frames above {@link #COPY_LIMIT} are passed on as
 * they are (copying big values would cost more than it saves). Owned by the channel's event loop.
 */
public final class WriteCoalescer {

    /** Frames up to this size are copied into the shared buffer. */
    static final int COPY_LIMIT = 2048;
    private static final int MIN_CAPACITY = 256;
    private static final int MAX_INITIAL_CAPACITY = 64 * 1024;

    private final Channel channel;
    private ByteBuf pending;
    /** Size of the previous batch: the next buffer starts that big, so it rarely grows. */
    private int lastBatchBytes = MIN_CAPACITY;

    public WriteCoalescer(Channel channel) {
        this.channel = channel;
    }

    /** Writes {@code frame}'s readable bytes; takes ownership of {@code frame}. */
    public void write(ByteBuf frame) {
        if (frame.readableBytes() <= COPY_LIMIT) {
            append(frame);
            frame.release();
        } else {
            drain();
            channel.write(frame, channel.voidPromise());
        }
    }

    /** Writes {@code frame}'s readable bytes; the caller keeps its reference and reader index. */
    public void writeCopy(ByteBuf frame) {
        if (frame.readableBytes() <= COPY_LIMIT) {
            append(frame);
        } else {
            drain();
            channel.write(frame.retain().duplicate(), channel.voidPromise());
        }
    }

    /** Hands everything gathered to the channel and flushes it. */
    public void flush() {
        drain();
        channel.flush();
    }

    /** Drops what was gathered but not yet written (the channel closed). */
    public void discard() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    private void append(ByteBuf frame) {
        if (pending == null) {
            pending = channel.alloc().ioBuffer(Math.min(MAX_INITIAL_CAPACITY, Math.max(MIN_CAPACITY, lastBatchBytes)));
        }
        pending.writeBytes(frame, frame.readerIndex(), frame.readableBytes());
    }

    private void drain() {
        if (pending != null) {
            ByteBuf out = pending;
            pending = null;
            lastBatchBytes = out.readableBytes();
            channel.write(out, channel.voidPromise());
        }
    }
}
