package io.slotgate.node.store;

import io.netty.util.concurrent.EventExecutor;
import io.slotgate.routing.slot.SlotHash;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The keyspace: P partitions, partition i owned by event loop i; slot s lives in partition s % P.
 * Work on a partition is handed to its loop; fan-out commands use {@link #gather}.
 */
public final class Keyspace {

    private final Partition[] partitions;
    private final EventExecutor[] loops;

    public Keyspace(EventExecutor[] loops) {
        this.loops = loops.clone();
        this.partitions = new Partition[loops.length];
        for (int i = 0; i < loops.length; i++) {
            partitions[i] = new Partition(i, System::currentTimeMillis);
        }
    }

    public int partitionCount() {
        return partitions.length;
    }

    public int partitionOfSlot(int slot) {
        return slot % partitions.length;
    }

    public Partition partition(int index) {
        return partitions[index];
    }

    public EventExecutor loop(int index) {
        return loops[index];
    }

    public int partitionOfKey(byte[] key) {
        return partitionOfSlot(SlotHash.slot(key));
    }

    /** Runs {@code task} on the partition's loop (inline when already there). */
    public <T> CompletableFuture<T> submit(int index, Function<Partition, T> task) {
        EventExecutor loop = loops[index];
        if (loop.inEventLoop()) {
            try {
                return CompletableFuture.completedFuture(task.apply(partitions[index]));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                f.complete(task.apply(partitions[index]));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Runs {@code task} on every partition's loop; the list is in partition order. */
    public <T> CompletableFuture<List<T>> gather(Function<Partition, T> task) {
        List<CompletableFuture<T>> parts = new ArrayList<>(partitions.length);
        for (int i = 0; i < partitions.length; i++) {
            parts.add(submit(i, task));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<T> out = new ArrayList<>(parts.size());
            for (CompletableFuture<T> p : parts) {
                out.add(p.join());
            }
            return out;
        });
    }

    public CompletableFuture<Long> countKeysInSlot(int slot) {
        return submit(partitionOfSlot(slot), p -> p.countKeysInSlot(slot));
    }

    public CompletableFuture<List<byte[]>> keysInSlot(int slot, int count) {
        return submit(partitionOfSlot(slot), p -> p.keysInSlot(slot, count));
    }

    /** Starts Redis-like active expiry: every 1000/hz ms each partition expires a few sampled keys. */
    public void startActiveExpiry(int hz) {
        long period = Math.max(1, 1000 / Math.max(1, hz));
        for (int i = 0; i < partitions.length; i++) {
            Partition p = partitions[i];
            loops[i].scheduleAtFixedRate(() -> p.activeExpireCycle(16), period, period,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }
}
