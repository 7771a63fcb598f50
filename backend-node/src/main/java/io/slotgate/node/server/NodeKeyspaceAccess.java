package io.slotgate.node.server;

import io.slotgate.node.cluster.KeyspaceAccess;
import io.slotgate.node.pubsub.PubSub;
import io.slotgate.node.store.Keyspace;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The store side of the contract with the cluster engine: per-slot key access and bus PUBLISH delivery. */
public final class NodeKeyspaceAccess implements KeyspaceAccess {

    private final Keyspace keyspace;
    private final PubSub pubsub;

    public NodeKeyspaceAccess(Keyspace keyspace, PubSub pubsub) {
        this.keyspace = keyspace;
        this.pubsub = pubsub;
    }

    @Override
    public CompletionStage<Long> countKeysInSlot(int slot) {
        return keyspace.countKeysInSlot(slot);
    }

    @Override
    public CompletionStage<List<byte[]>> keysInSlot(int slot, int count) {
        return keyspace.keysInSlot(slot, count);
    }

    @Override
    public void deliverPublish(byte[] channel, byte[] message) {
        pubsub.publish(channel, message);
    }
}
