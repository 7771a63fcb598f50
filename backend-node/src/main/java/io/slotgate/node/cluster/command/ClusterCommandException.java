package io.slotgate.node.cluster.command;

/** A CLUSTER command refused with a Redis error; the message is the whole error text ("ERR ..."). */
public final class ClusterCommandException extends Exception {

    public ClusterCommandException(String errorText) {
        super(errorText, null, false, false);
    }

    public static ClusterCommandException err(String text) {
        return new ClusterCommandException("ERR " + text);
    }
}
