package io.slotgate.proxy;

import io.slotgate.routing.testsupport.RedisClusterFixture;

import java.util.List;

/** Which servers a proxy suite runs against; each parameterised suite has one subclass per kind. */
enum BackendKind {

    /** Debian's redis-server 7.0 in cluster mode, formed by redis-cli --cluster create. */
    REDIS {
        @Override
        ClusterBackend start(int masters, int replicasPerMaster) {
            RedisClusterFixture fixture = RedisClusterFixture.start(masters, replicasPerMaster);
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
                public void close() {
                    fixture.close();
                }
            };
        }
    },

    /** Our backend nodes, in-process, formed by CLUSTER MEET / ADDSLOTSRANGE / REPLICATE. */
    SLOTGATE {
        @Override
        ClusterBackend start(int masters, int replicasPerMaster) {
            return SlotgateClusterFixture.start(masters, replicasPerMaster);
        }
    };

    /** Starts {@code masters} masters with {@code replicasPerMaster} replicas each and waits until it serves. */
    abstract ClusterBackend start(int masters, int replicasPerMaster);
}
