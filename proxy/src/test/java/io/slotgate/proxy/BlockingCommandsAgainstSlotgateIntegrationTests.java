package io.slotgate.proxy;

/** {@link BlockingCommandsIntegrationTests} in front of a cluster of our own backend nodes. */
class BlockingCommandsAgainstSlotgateIntegrationTests extends BlockingCommandsIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.SLOTGATE;
    }
}
