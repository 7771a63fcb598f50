package io.slotgate.node.replication;

import io.netty.channel.EventLoop;
import io.slotgate.node.command.Call;
import io.slotgate.node.server.ClientSession;
import io.slotgate.node.store.Keyspace;
import io.netty.util.AttributeKey;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WAIT numreplicas timeout on a master (replication.md §6): each client's target is the stream offset right after
 * its own last write (Redis's c->woff), answered when enough online replicas acknowledged it or at the timeout.
 * Everything but {@link #waitFor}'s first step runs on the replication loop.
 */
final class ReplicaAckWaits {

    private static final AttributeKey<AtomicLong> WRITE_OFFSET = AttributeKey.valueOf("slotgate.replWriteOffset");

    private final Keyspace keyspace;
    private final EventLoop loop;
    private final List<ReplicaLink> replicas;
    /** Appends REPLCONF GETACK * to the stream (unless the offset must not move). */
    private final Runnable requestAcks;
    private final WaitQueue queue = new WaitQueue();
    private boolean getackScheduled;

    ReplicaAckWaits(Keyspace keyspace, EventLoop loop, List<ReplicaLink> replicas, Runnable requestAcks) {
        this.keyspace = keyspace;
        this.loop = loop;
        this.replicas = replicas;
        this.requestAcks = requestAcks;
    }

    /** Replication loop: {@code writer}'s latest write ends at stream offset {@code offset}. */
    void wrote(ClientSession writer, long offset) {
        var attr = writer.channel().attr(WRITE_OFFSET);
        AtomicLong fresh = new AtomicLong();
        AtomicLong existing = attr.setIfAbsent(fresh);
        (existing != null ? existing : fresh).set(offset);
    }

    /** WAIT from a client of this master (the caller checked the role). */
    void waitFor(Call call, int numReplicas, long timeoutMillis) {
        call.async();
        // every partition first: this client's earlier writes have then reached the replication loop
        keyspace.gather(p -> Boolean.TRUE).thenRun(() -> loop.execute(() -> {
            AtomicLong written = call.session().channel().attr(WRITE_OFFSET).get();
            long target = written == null ? 0 : written.get();
            int acked = countAcked(target);
            if (acked >= numReplicas || call.inTransaction()) {
                reply(call, acked);
                return;
            }
            WaitQueue.Waiter w = queue.add(call, target, numReplicas);
            if (!getackScheduled) {
                getackScheduled = true;
                loop.execute(() -> {
                    getackScheduled = false;
                    requestAcks.run();
                });
            }
            if (timeoutMillis > 0) {
                loop.schedule(() -> {
                    if (queue.remove(w)) {
                        reply(call, countAcked(target));
                    }
                }, timeoutMillis, TimeUnit.MILLISECONDS);
            }
        }));
    }

    /** Replication loop: a replica acknowledged more of the stream. */
    void onAck() {
        queue.check(this::countAcked, ReplicaAckWaits::reply);
    }

    /** Replication loop: this node is no longer a master; every waiting client gets 0. */
    void failAll() {
        queue.failAll(ReplicaAckWaits::reply, 0);
    }

    private int countAcked(long target) {
        int n = 0;
        for (ReplicaLink r : replicas) {
            if (r.state == ReplicaLink.State.ONLINE && r.ackOffset >= target) {
                n++;
            }
        }
        return n;
    }

    private static void reply(Call call, int n) {
        call.integer(n);
        call.finish();
    }
}
