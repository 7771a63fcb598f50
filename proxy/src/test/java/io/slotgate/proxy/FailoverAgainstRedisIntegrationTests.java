package io.slotgate.proxy;

/** {@link FailoverIntegrationTests} in front of a real Redis 7.0 cluster. */
class FailoverAgainstRedisIntegrationTests extends FailoverIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.REDIS;
    }
}
