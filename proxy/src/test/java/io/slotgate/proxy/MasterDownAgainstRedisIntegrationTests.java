package io.slotgate.proxy;

/** {@link MasterDownIntegrationTests} in front of a real Redis 7.0 cluster. */
class MasterDownAgainstRedisIntegrationTests extends MasterDownIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.REDIS;
    }
}
