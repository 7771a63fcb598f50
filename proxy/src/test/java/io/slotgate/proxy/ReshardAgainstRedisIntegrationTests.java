package io.slotgate.proxy;

/**
 * {@link ReshardIntegrationTests} in front of a real Redis 7.0 cluster. (No Slotgate subclass yet: our nodes' slot
 * migration, CLUSTER SETSLOT and MIGRATE, is on branch migration, not in main.)
 */
class ReshardAgainstRedisIntegrationTests extends ReshardIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.REDIS;
    }
}
