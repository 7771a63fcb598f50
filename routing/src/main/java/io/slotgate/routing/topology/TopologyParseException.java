package io.slotgate.routing.topology;

/** A topology reply ({@code CLUSTER SLOTS/SHARDS/NODES}) that does not have the documented shape. */
public final class TopologyParseException extends IllegalArgumentException {

    public TopologyParseException(String message) {
        super(message);
    }

    public TopologyParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
