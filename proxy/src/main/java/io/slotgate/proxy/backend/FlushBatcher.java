package io.slotgate.proxy.backend;

import io.netty.channel.EventLoop;

import java.util.ArrayList;

/**
 * Flushes every channel written during one event-loop iteration exactly once, after all ready reads of that
 * iteration were processed: the task runs in the loop's task phase, which follows the I/O phase. Batching writes
 * of all clients read in one iteration into one backend flush was the largest single saving measured
 * (performance-notes.md, "Proxy data path").
 */
public final class FlushBatcher implements Runnable {

    private final EventLoop loop;
    private ArrayList<Flushable> queued = new ArrayList<>();
    private ArrayList<Flushable> spare = new ArrayList<>();
    private boolean scheduled;

    public FlushBatcher(EventLoop loop) {
        this.loop = loop;
    }

    /** Queues {@code f} for the flush at the end of this iteration; call on the loop only. */
    public void markDirty(Flushable f) {
        if (!f.flushQueued) {
            f.flushQueued = true;
            queued.add(f);
        }
        if (!scheduled) {
            scheduled = true;
            loop.execute(this);
        }
    }

    @Override
    public void run() {
        scheduled = false;
        // Flushing a client may complete more work (never in practice) that queues again: swap lists first.
        ArrayList<Flushable> batch = queued;
        queued = spare;
        spare = batch;
        for (int i = 0; i < batch.size(); i++) {
            Flushable f = batch.get(i);
            f.flushQueued = false;
            f.flushNow();
        }
        batch.clear();
    }
}
