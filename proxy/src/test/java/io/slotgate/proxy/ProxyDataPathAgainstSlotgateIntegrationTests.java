package io.slotgate.proxy;

/** {@link ProxyDataPathIntegrationTests} in front of a cluster of our own backend nodes. */
class ProxyDataPathAgainstSlotgateIntegrationTests extends ProxyDataPathIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.SLOTGATE;
    }
}
