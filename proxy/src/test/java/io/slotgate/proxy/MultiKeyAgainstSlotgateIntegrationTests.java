package io.slotgate.proxy;

/** {@link MultiKeyIntegrationTests} in front of a cluster of our own backend nodes. */
class MultiKeyAgainstSlotgateIntegrationTests extends MultiKeyIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.SLOTGATE;
    }
}
