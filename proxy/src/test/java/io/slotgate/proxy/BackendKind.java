package io.slotgate.proxy;

import io.slotgate.routing.testsupport.RedisClusterFixture;
import io.slotgate.routing.testsupport.RedisServerProcess;

import java.time.Duration;
import java.util.List;

/** Which servers a proxy suite runs against; each parameterised suite has one subclass per kind. */
enum BackendKind {

    /** Debian's redis-server 7.0 in cluster mode, formed by redis-cli --cluster create. */
    REDIS {
        @Override
        ClusterBackend start(int masters, int replicasPerMaster, Duration nodeTimeout) {
            RedisClusterFixture fixture = RedisClusterFixture.start(masters, replicasPerMaster,
                    "--cluster-node-timeout", String.valueOf(nodeTimeout.toMillis()));
            return new ClusterBackend() {
                @Override
                public List<String> addresses() {
                    return fixture.addresses();
                }

                @Override
                public List<Integer> ports() {
                    return fixture.ports();
                }

                @Override
                public void kill(String address) {
                    server(address).kill();
                }

                @Override
                public boolean isRunning(String address) {
                    return server(address).process().isAlive();
                }

                private RedisServerProcess server(String address) {
                    return fixture.servers().stream().filter(s -> s.address().equals(address)).findFirst()
                            .orElseThrow();
                }

                @Override
                public void close() {
                    fixture.close();
                }
            };
        }
    },

    /** Our backend nodes, in-process, formed by CLUSTER MEET / ADDSLOTSRANGE / REPLICATE. */
    SLOTGATE {
        @Override
        ClusterBackend start(int masters, int replicasPerMaster, Duration nodeTimeout) {
            return SlotgateClusterFixture.start(masters, replicasPerMaster, nodeTimeout);
        }
    };

    /**
     * redis-server's default cluster-node-timeout: tests that keep every node up never need failure detection, and a
     * long timeout keeps a busy 2-core machine from a spurious failover. Failure tests pass a short one.
     */
    static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofSeconds(15);

    /** Starts {@code masters} masters with {@code replicasPerMaster} replicas each and waits until it serves. */
    ClusterBackend start(int masters, int replicasPerMaster) {
        return start(masters, replicasPerMaster, DEFAULT_NODE_TIMEOUT);
    }

    abstract ClusterBackend start(int masters, int replicasPerMaster, Duration nodeTimeout);
}
