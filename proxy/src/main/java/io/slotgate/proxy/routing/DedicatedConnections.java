package io.slotgate.proxy.routing;

import io.slotgate.proxy.backend.BackendConnection;

/**
 * Keeps track of the connections a client's blocking commands hold, so they can be closed when the client leaves
 * (otherwise a BLPOP left waiting could pop an element nobody receives).
 */
public interface DedicatedConnections {

    void opened(BackendConnection connection);

    void finished(BackendConnection connection);
}
