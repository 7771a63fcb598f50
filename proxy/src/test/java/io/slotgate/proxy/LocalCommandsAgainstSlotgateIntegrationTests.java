package io.slotgate.proxy;

/** {@link LocalCommandsIntegrationTests} in front of a cluster of our own backend nodes. */
class LocalCommandsAgainstSlotgateIntegrationTests extends LocalCommandsIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.SLOTGATE;
    }
}
