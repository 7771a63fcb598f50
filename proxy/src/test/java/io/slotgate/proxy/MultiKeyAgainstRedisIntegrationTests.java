package io.slotgate.proxy;

/** {@link MultiKeyIntegrationTests} in front of a real Redis 7.0 cluster. */
class MultiKeyAgainstRedisIntegrationTests extends MultiKeyIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.REDIS;
    }
}
