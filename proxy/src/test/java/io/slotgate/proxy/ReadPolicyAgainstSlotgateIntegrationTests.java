package io.slotgate.proxy;

/** {@link ReadPolicyIntegrationTests} in front of a cluster of our own backend nodes. */
class ReadPolicyAgainstSlotgateIntegrationTests extends ReadPolicyIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.SLOTGATE;
    }
}
