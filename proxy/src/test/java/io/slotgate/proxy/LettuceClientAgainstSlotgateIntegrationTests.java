package io.slotgate.proxy;

/** {@link LettuceClientIntegrationTests} in front of a cluster of our own backend nodes. */
class LettuceClientAgainstSlotgateIntegrationTests extends LettuceClientIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.SLOTGATE;
    }
}
