package io.slotgate.node.cluster.gossip;

/**
 * Bus message types with explicit wire values. Append-only: a value, once used, is never reassigned. The values
 * follow Redis's numbering (cluster-engine.md §3.2) for familiarity only; the frame format is our own.
 */
public enum MessageType {
    PING(0, "ping"),
    PONG(1, "pong"),
    MEET(2, "meet"),
    /** A node reached FAIL (cluster-engine.md §6.2). */
    FAIL(3, "fail"),
    PUBLISH(4, "publish"),
    /** A replica asks masters for their vote (cluster-engine.md §8.2). */
    FAILOVER_AUTH_REQUEST(5, "auth-req"),
    /** A master grants its vote (cluster-engine.md §8.3). */
    FAILOVER_AUTH_ACK(6, "auth-ack"),
    /** Repairs a stale view of a node's slots (cluster-engine.md §10.2). */
    UPDATE(7, "update"),
    /** A replica starts a manual failover with its master (cluster-engine.md §8.4). */
    MFSTART(8, "mfstart"),
    /** Reserved: sharded pub/sub. */
    PUBLISHSHARD(10, "publishshard");

    /** Size of a per-type counter array indexed by wire value. */
    public static final int MAX_WIRE_VALUE = 10;

    private static final MessageType[] BY_WIRE = new MessageType[MAX_WIRE_VALUE + 1];

    static {
        for (MessageType t : values()) {
            BY_WIRE[t.wire] = t;
        }
    }

    private final int wire;
    private final String statName;

    MessageType(int wire, String statName) {
        this.wire = wire;
        this.statName = statName;
    }

    public int wire() {
        return wire;
    }

    /** The name in CLUSTER INFO's cluster_stats_messages_&lt;name&gt;_sent/received lines. */
    public String statName() {
        return statName;
    }

    /** The type with that wire value, or null if unknown (unknown types are ignored by receivers). */
    public static MessageType fromWire(int wire) {
        return wire >= 0 && wire < BY_WIRE.length ? BY_WIRE[wire] : null;
    }

    /** PING, PONG and MEET carry a gossip section. */
    public boolean carriesGossip() {
        return this == PING || this == PONG || this == MEET;
    }
}
