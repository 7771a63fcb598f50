package io.slotgate.proxy;

import io.slotgate.routing.testsupport.RespConnection;

import java.util.List;

/**
 * The cluster a proxy test runs in front of: a real Redis 7.0 cluster or one of our own backend nodes, so the same
 * suite proves the proxy works unchanged in front of either (see {@link BackendKind}). Close it to stop every node.
 */
interface ClusterBackend extends AutoCloseable {

    /** "127.0.0.1:port" of every node, masters first, in the order the cluster was formed. */
    List<String> addresses();

    List<Integer> ports();

    default int port(int index) {
        return ports().get(index);
    }

    /** A new connection straight to node {@code index} (not through the proxy); the caller closes it. */
    default RespConnection connect(int index) {
        return RespConnection.open(port(index));
    }

    /**
     * Stops the node at {@code address} abruptly: SIGKILL for a redis-server, {@code close()} for our in-process
     * node (either way its sockets close without a goodbye and it stops answering the cluster bus).
     */
    void kill(String address);

    /** False once the node at {@code address} was killed. */
    boolean isRunning(String address);

    @Override
    void close();
}
