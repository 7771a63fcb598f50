package io.slotgate.proxy.backend;

/** A channel owner whose writes are flushed once per event-loop iteration by {@link FlushBatcher}. */
public abstract class Flushable {

    /** Set while queued in the batcher; owned by the event loop. */
    boolean flushQueued;

    /** Flushes the channel (called by the batcher on the owning loop). */
    protected abstract void flushNow();
}
