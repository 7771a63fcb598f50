package io.slotgate.proxy;

/** {@link FailoverIntegrationTests} in front of a cluster of our own backend nodes. */
class FailoverAgainstSlotgateIntegrationTests extends FailoverIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.SLOTGATE;
    }
}
