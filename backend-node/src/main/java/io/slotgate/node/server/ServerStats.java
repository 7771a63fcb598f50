package io.slotgate.node.server;

import java.util.concurrent.atomic.LongAdder;

/** Node-wide counters for INFO stats (updated from every loop, hence adders). */
public final class ServerStats {

    public final LongAdder connectionsReceived = new LongAdder();
    public final LongAdder rejectedConnections = new LongAdder();
    public final LongAdder commandsProcessed = new LongAdder();
    public final LongAdder netInputBytes = new LongAdder();
    public final LongAdder netOutputBytes = new LongAdder();
    public final LongAdder errorReplies = new LongAdder();
    public final LongAdder outputLimitDisconnections = new LongAdder();

    public void reset() {
        connectionsReceived.reset();
        rejectedConnections.reset();
        commandsProcessed.reset();
        netInputBytes.reset();
        netOutputBytes.reset();
        errorReplies.reset();
        outputLimitDisconnections.reset();
    }
}
