package io.slotgate.node.cluster.gossip;

/** Receives bus link events; every call happens on the cluster thread. */
public interface BusListener {

    /** An outbound link finished connecting. */
    void onConnected(BusLink link);

    /** An outbound connect attempt failed (the link is already closed). */
    void onConnectFailed(BusLink link);

    void onMessage(BusLink link, BusMessage message);

    /** The link closed (either side, or after an error). */
    void onClosed(BusLink link);
}
