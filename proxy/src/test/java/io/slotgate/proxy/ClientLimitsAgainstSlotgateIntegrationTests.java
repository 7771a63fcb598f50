package io.slotgate.proxy;

/** {@link ClientLimitsIntegrationTests} in front of a cluster of our own backend nodes. */
class ClientLimitsAgainstSlotgateIntegrationTests extends ClientLimitsIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.SLOTGATE;
    }
}
