package io.slotgate.node.cluster.gossip;

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

    /** The raw body of a type this version does not interpret yet (reserved or unknown types). */
    record Opaque(byte[] bytes) implements MessageBody {
    }
}
