package io.slotgate.proxy;

/** {@link TwoProxiesIntegrationTests} in front of a real Redis 7.0 cluster. */
class TwoProxiesAgainstRedisIntegrationTests extends TwoProxiesIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.REDIS;
    }
}
