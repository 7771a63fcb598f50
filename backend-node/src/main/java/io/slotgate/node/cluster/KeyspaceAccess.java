package io.slotgate.node.cluster;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What the cluster engine needs from the keyspace, implemented by the store side. Asynchronous because the
 * keyspace partitions are owned by their own threads.
 */
public interface KeyspaceAccess {

    CompletionStage<Long> countKeysInSlot(int slot);

    CompletionStage<List<byte[]>> keysInSlot(int slot, int count);

    /** Delivers a PUBLISH received over the bus to this node's local subscribers. */
    void deliverPublish(byte[] channel, byte[] message);
}
