package io.slotgate.proxy;

/** {@link ReshardIntegrationTests} in front of a cluster of our own backend nodes. */
class ReshardAgainstSlotgateIntegrationTests extends ReshardIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.SLOTGATE;
    }
}
