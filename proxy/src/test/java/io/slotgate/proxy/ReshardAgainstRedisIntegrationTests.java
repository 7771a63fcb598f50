package io.slotgate.proxy;

/** {@link ReshardIntegrationTests} in front of a real Redis 7.0 cluster. */
class ReshardAgainstRedisIntegrationTests extends ReshardIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.REDIS;
    }
}
