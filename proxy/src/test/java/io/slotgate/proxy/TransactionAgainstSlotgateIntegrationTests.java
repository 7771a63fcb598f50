package io.slotgate.proxy;

/** {@link TransactionIntegrationTests} in front of a cluster of our own backend nodes. */
class TransactionAgainstSlotgateIntegrationTests extends TransactionIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.SLOTGATE;
    }
}
