package io.slotgate.node.replication;

import io.netty.channel.EventLoop;
import io.slotgate.node.store.Keyspace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The master side of a manual failover's write pause (cluster-engine.md §8.4): client writes wait, in order per
 * client, until the pause ends; then they run again (and get MOVED if the failover moved their slot). Redis blocks
 * such clients instead of refusing them; so do we, without blocking any loop.
 * <p>
 * The pause "settles" once every partition has finished the writes it had already started: only then is the
 * replication offset final and may the bus advertise it to the replica (a write still in flight would move it
 * past the offset the replica is catching up to). The held clients are owned by the replication loop.
 */
final class WritePause {

    private final Keyspace keyspace;
    private final EventLoop loop;
    /** Stops (true) or restarts (false) active expiry on the partitions, so only paused writes move the offset. */
    private final Consumer<Boolean> expiryOff;

    /** Any thread reads: the end of the pause in ms since the epoch, 0 = not paused. */
    private volatile long until;
    private volatile boolean settled;
    /** Incremented per pause, so a late settle or timer of an earlier pause does nothing (replication loop). */
    private long generation;
    /** Callbacks of clients waiting for the pause to end (replication loop). */
    private final List<Runnable> held = new ArrayList<>();

    WritePause(Keyspace keyspace, EventLoop loop, Consumer<Boolean> expiryOff) {
        this.keyspace = keyspace;
        this.loop = loop;
        this.expiryOff = expiryOff;
    }

    /** Any thread: pause client writes for up to {@code millis}. */
    void start(long millis) {
        until = System.currentTimeMillis() + millis;
        settled = false;
        // Held writes are refused from now on; each partition's earlier writes reach the replication loop
        // before the barrier below does, since a partition hands its stream bytes over in order.
        loop.execute(() -> {
            long mine = ++generation;
            expiryOff.accept(true);
            keyspace.gather(p -> Boolean.TRUE).thenRun(() -> loop.execute(() -> {
                if (generation == mine && isPaused()) {
                    settled = true;
                }
            }));
            loop.schedule(() -> {
                if (generation == mine) {
                    end();
                }
            }, millis + 1, TimeUnit.MILLISECONDS);
        });
    }

    /** Any thread: the pause ends now (the failover finished or was aborted). */
    void stop() {
        until = 0;
        loop.execute(this::end);
    }

    boolean isPaused() {
        return until > System.currentTimeMillis();
    }

    /** The pause is in force and no write started before it is still running. */
    boolean isSettled() {
        return settled && isPaused();
    }

    /**
     * Any thread: if writes are paused, keeps {@code resume} to run when they are no longer and returns true.
     * {@code resume} then runs on the replication loop and must hand its work to the client's own loop.
     */
    boolean hold(Runnable resume) {
        if (!isPaused()) {
            return false;
        }
        loop.execute(() -> {
            if (isPaused()) {
                held.add(resume);
            } else {
                resume.run(); // the pause ended between the check and now
            }
        });
        return true;
    }

    private void end() {
        if (isPaused()) {
            return; // a newer pause started meanwhile
        }
        until = 0;
        settled = false;
        generation++;
        expiryOff.accept(false);
        List<Runnable> waiting = new ArrayList<>(held);
        held.clear();
        waiting.forEach(Runnable::run);
    }
}
