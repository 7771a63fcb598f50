package io.slotgate.node.cluster.gossip;

/**
 * One decoded bus message.
 *
 * @param type     the type, or null for a wire value this version does not know
 * @param wireType the wire value of the type
 */
public record BusMessage(MessageType type, int wireType, BusHeader header, MessageBody body) {

    public static BusMessage of(MessageType type, BusHeader header, MessageBody body) {
        return new BusMessage(type, type.wire(), header, body);
    }
}
