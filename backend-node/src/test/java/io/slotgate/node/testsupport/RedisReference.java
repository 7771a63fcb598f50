package io.slotgate.node.testsupport;

import io.slotgate.routing.testsupport.FreePorts;
import io.slotgate.routing.testsupport.RedisServerProcess;

/**
 * A real redis-server 7.0 in cluster mode owning every slot: the reference our node's replies are compared with
 * (cluster mode, so SELECT, CROSSSLOT and friends answer as a cluster node does).
 */
public final class RedisReference implements AutoCloseable {

    private final RedisServerProcess server;

    private RedisReference(RedisServerProcess server) {
        this.server = server;
    }

    public static RedisReference start() {
        RedisServerProcess server = RedisServerProcess.clusterNode(FreePorts.clusterPort());
        try (RawRespClient c = RawRespClient.open(server.port())) {
            String reply = c.call("CLUSTER", "ADDSLOTSRANGE", "0", "16383");
            if (!reply.equals("+OK\r\n")) {
                throw new IllegalStateException("ADDSLOTSRANGE failed: " + reply);
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (!c.call("CLUSTER", "INFO").contains("cluster_state:ok")) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("reference cluster did not reach state ok");
                }
                Thread.sleep(50);
            }
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw new IllegalStateException(e);
        }
        return new RedisReference(server);
    }

    public int port() {
        return server.port();
    }

    public RawRespClient connect() {
        return RawRespClient.open(port());
    }

    @Override
    public void close() {
        server.close();
    }
}
