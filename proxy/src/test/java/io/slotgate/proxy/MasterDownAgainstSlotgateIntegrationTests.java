package io.slotgate.proxy;

/** {@link MasterDownIntegrationTests} in front of a cluster of our own backend nodes. */
class MasterDownAgainstSlotgateIntegrationTests extends MasterDownIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.SLOTGATE;
    }
}
