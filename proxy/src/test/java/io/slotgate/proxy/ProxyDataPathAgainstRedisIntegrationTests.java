package io.slotgate.proxy;

/** {@link ProxyDataPathIntegrationTests} in front of a real Redis 7.0 cluster. */
class ProxyDataPathAgainstRedisIntegrationTests extends ProxyDataPathIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.REDIS;
    }
}
