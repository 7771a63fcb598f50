package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;

/**
 * A consumer of the node's ordered write stream besides the replicas: the append-only file. Every call comes from
 * the replication loop, in stream order: on a master the client writes after {@code WriteRewriter} (plus expiry
 * DELs and FLUSHALL placed at one point), on a replica the commands applied from its master.
 */
public interface StreamSink {

    /** Stream bytes; not consumed (retain them to keep them past the call). */
    void append(ByteBuf bytes);

    /** Whether a client's write may be answered only once {@link #whenDurable} says so (appendfsync always). */
    boolean syncEveryWrite();

    /** Runs {@code done} (any thread) once everything appended before this call is on stable storage. */
    void whenDurable(Runnable done);

    /** A replica replaced its data set with its master's snapshot: what was logged before no longer applies. */
    default void datasetReplaced() {
    }
}
