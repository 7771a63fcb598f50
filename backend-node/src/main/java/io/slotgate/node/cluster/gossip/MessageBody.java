package io.slotgate.node.cluster.gossip;

import io.slotgate.node.cluster.state.SlotSet;

import java.util.List;

/** The type-specific part of a bus message. */
public sealed interface MessageBody {

    /** PING / PONG / MEET: gossip entries about other nodes. */
    record Gossip(List<GossipEntry> entries) implements MessageBody {
        public Gossip {
            entries = List.copyOf(entries);
        }
    }

    /** PUBLISH (and the reserved PUBLISHSHARD): one pub/sub message. */
    record Publish(byte[] channel, byte[] message) implements MessageBody {
    }

    /** FAIL: the node the sender declares failed (cluster-engine.md §6.2). */
    record Fail(String nodeId) implements MessageBody {
    }

    /**
     * UPDATE: a node's configEpoch and slots, sent to a node with a stale view of them (cluster-engine.md §10.2).
     */
    record Update(String nodeId, long configEpoch, SlotSet slots)
            implements MessageBody {
    }

    /** FAILOVER_AUTH_REQUEST, FAILOVER_AUTH_ACK, MFSTART: everything they say is in the header. */
    record Empty() implements MessageBody {
        public static final Empty INSTANCE = new Empty();
    }

    /** The raw body of a type this version does not interpret yet (reserved or unknown types). */
    record Opaque(byte[] bytes) implements MessageBody {
    }
}
