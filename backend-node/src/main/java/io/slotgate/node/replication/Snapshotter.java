package io.slotgate.node.replication;

import io.netty.channel.EventLoop;
import io.slotgate.node.store.Keyspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A point-in-time snapshot of every partition, consistent with one offset of the replication stream, without
 * fork and without copying the data set twice.
 * <p>
 * On a master, writes run on the partition loops and reach the replication loop afterwards, so the cut must
 * hold every partition at once: one task per partition loop; each arrives at a barrier and waits until all have
 * arrived. At that moment no loop can produce stream bytes, so the last one to arrive posts the "cut" to the
 * replication loop, where it lands after every write made before the barrier and before every write after it.
 * Each loop then serializes its own partition and goes on. Clients pause for the time the slowest loop takes to
 * reach the barrier plus the time to serialize its partition (measured: see {@link #lastPauseMillis}).
 * <p>
 * On a replica the stream is applied by the replication loop itself, which hands each command to its partition
 * loop; a serialize task it hands over at stream offset X therefore runs after exactly the commands before X,
 * so no barrier is needed (the cut is the current offset).
 */
final class Snapshotter {

    private static final Logger log = LoggerFactory.getLogger(Snapshotter.class);
    static final long BARRIER_TIMEOUT_MILLIS = 10_000;

    private final Keyspace keyspace;
    private final EventLoop replLoop;
    private final java.util.function.IntConsumer beforeArrival;
    private volatile long lastPauseMillis;

    /**
     * @param beforeArrival run on each partition loop before it reaches the barrier: whatever that partition still
     *                      holds for the stream (a buffered transaction) must be sent before the cut
     */
    Snapshotter(Keyspace keyspace, EventLoop replLoop, java.util.function.IntConsumer beforeArrival) {
        this.keyspace = keyspace;
        this.replLoop = replLoop;
        this.beforeArrival = beforeArrival;
    }

    /** The longest time one partition loop was held by the last snapshot (barrier wait + serialization). */
    long lastPauseMillis() {
        return lastPauseMillis;
    }

    /**
     * Starts a snapshot; call on the replication loop. {@code onCut} receives nothing but runs on the replication
     * loop exactly at the cut (read the offset there); then {@code onDone} gets the segments in partition order, or
     * {@code onFail} the reason. All callbacks run on the replication loop.
     *
     * @param cutHere true on a replica: the cut is now (see class comment)
     */
    void take(boolean cutHere, Runnable onCut, Consumer<List<RdbWriter.Segment>> onDone, Consumer<String> onFail) {
        int n = keyspace.partitionCount();
        RdbWriter.Segment[] segments = new RdbWriter.Segment[n];
        long[] pauses = new long[n];
        Runnable cut = () -> replLoop.execute(onCut);
        if (cutHere) {
            onCut.run();
            cut = () -> { };
        }
        atOnePoint(!cutHere, cut, (p, ok, start) -> {
            if (ok) {
                segments[p] = RdbWriter.writePartition(keyspace.partition(p));
            }
            pauses[p] = (System.nanoTime() - start) / 1_000_000;
        }, ok -> replLoop.execute(() -> finish(segments, !ok, pauses, onDone, onFail)));
    }

    /**
     * The per-partition step of {@link #atOnePoint}: the partition's index, whether the barrier held, and when
     * its loop reached the barrier (System.nanoTime), so pauses can be measured.
     */
    interface PartitionStep {
        void run(int partition, boolean barrierHeld, long arrivedNanos);
    }

    /**
     * Runs {@code step} on every partition loop at one point of the stream: with {@code barrier}, every loop
     * first waits until all have arrived, and the last to arrive runs {@code atCut} (no loop can produce stream
     * bytes then); {@code whenAllDone} gets whether the barrier held, on the last loop to finish.
     */
    void atOnePoint(boolean barrier, Runnable atCut, PartitionStep step, Consumer<Boolean> whenAllDone) {
        int n = keyspace.partitionCount();
        AtomicInteger remaining = new AtomicInteger(n);
        AtomicBoolean failed = new AtomicBoolean();
        AtomicInteger arrived = new AtomicInteger(n);
        CountDownLatch all = new CountDownLatch(1);
        for (int i = 0; i < n; i++) {
            int p = i;
            keyspace.loop(p).execute(() -> {
                long arrivedAt = System.nanoTime();
                beforeArrival.accept(p);
                if (barrier) {
                    if (arrived.decrementAndGet() == 0) {
                        if (!failed.get()) {
                            atCut.run();
                        }
                        all.countDown();
                    } else if (!await(all)) {
                        failed.set(true);
                    }
                }
                step.run(p, !failed.get(), arrivedAt);
                if (remaining.decrementAndGet() == 0) {
                    whenAllDone.accept(!failed.get());
                }
            });
        }
    }

    private void finish(RdbWriter.Segment[] segments, boolean failed, long[] pauses,
                        Consumer<List<RdbWriter.Segment>> onDone, Consumer<String> onFail) {
        lastPauseMillis = Arrays.stream(pauses).max().orElse(0);
        if (failed) {
            Arrays.stream(segments).filter(s -> s != null).forEach(s -> s.bytes().release());
            onFail.accept("snapshot barrier timed out");
            return;
        }
        log.info("snapshot of {} partitions taken; longest partition pause {} ms", segments.length, lastPauseMillis);
        onDone.accept(Arrays.asList(segments));
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(BARRIER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
