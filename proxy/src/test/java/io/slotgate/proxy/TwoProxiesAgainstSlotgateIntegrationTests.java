package io.slotgate.proxy;

/** {@link TwoProxiesIntegrationTests} in front of a cluster of our own backend nodes. */
class TwoProxiesAgainstSlotgateIntegrationTests extends TwoProxiesIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.SLOTGATE;
    }
}
