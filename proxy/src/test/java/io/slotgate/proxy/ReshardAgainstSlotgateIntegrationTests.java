package io.slotgate.proxy;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** {@link ReshardIntegrationTests} in front of a cluster of our own backend nodes. */
class ReshardAgainstSlotgateIntegrationTests extends ReshardIntegrationTests {

    @Override
    BackendKind backend() {
        return BackendKind.SLOTGATE;
    }

    /**
     * Fails 3 runs in 4 against our nodes (passes every time against Redis): during redis-cli --cluster reshard the
     * client gets "-MOVED slot source" back, i.e. the proxy ran out of redirect hops bouncing between the source
     * (which already hands the slot away) and a node that still names the source as owner. To be fixed in the node.
     */
    @Override
    @Test
    @Disabled("our nodes bounce MOVED between source and target during a live reshard (reported bug)")
    void shouldServeAClientWithoutErrorsOrWrongValuesDuringALiveReshard() {
    }
}
