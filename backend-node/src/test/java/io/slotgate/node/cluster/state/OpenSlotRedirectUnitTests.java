package io.slotgate.node.cluster.state;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** cluster-protocol.md §2.1 steps 9-10: what a migrating or importing slot answers, given which keys exist. */
class OpenSlotRedirectUnitTests {

    private static final String ME = "a".repeat(40);
    private static final String OTHER = "c".repeat(40);
    private static final String TRYAGAIN = "TRYAGAIN Multiple keys request during rehashing of slot";

    /** Slot 5 is mine and migrating to OTHER; slot 150 is OTHER's and being imported here. */
    private static ClusterState state() {
        String[] owners = new String[SlotSet.SLOTS];
        for (int s = 0; s < 100; s++) {
            owners[s] = ME;
        }
        for (int s = 100; s < 200; s++) {
            owners[s] = OTHER;
        }
        SlotSet importing = new SlotSet();
        importing.add(150);
        return new ClusterState(ME, null, true, owners, Map.of(ME, "127.0.0.1:7000", OTHER, "127.0.0.1:7002"),
                false, null, Map.of(5, "127.0.0.1:7002"), importing);
    }

    @Test
    void shouldAskWhenNoKeyIsLeftOnTheMigratingSource() {
        ClusterState s = state();
        assertThat(s.migratingTo(5)).isEqualTo("127.0.0.1:7002");
        assertThat(s.redirect(5, true, false, false)).isNull();
        assertThat(s.openSlotRedirect(5, false, false, 0, 1)).isEqualTo("ASK 5 127.0.0.1:7002");
        assertThat(s.openSlotRedirect(5, false, true, 0, 2)).isEqualTo("ASK 5 127.0.0.1:7002");
    }

    @Test
    void shouldServeWhenEveryKeyIsStillOnTheSourceAndRetryWhenTheyAreSplit() {
        ClusterState s = state();
        assertThat(s.openSlotRedirect(5, false, true, 2, 0)).isNull();
        assertThat(s.openSlotRedirect(5, false, true, 1, 1)).isEqualTo(TRYAGAIN);
    }

    @Test
    void shouldServeAskingClientsOnTheImportingNodeOnly() {
        ClusterState s = state();
        assertThat(s.importing(150)).isTrue();
        assertThat(s.redirect(150, true, false, false)).isEqualTo("MOVED 150 127.0.0.1:7002");
        assertThat(s.redirect(150, true, false, true)).isNull();
        assertThat(s.openSlotRedirect(150, true, false, 0, 1)).isNull();
        assertThat(s.openSlotRedirect(150, true, true, 1, 1)).isEqualTo(TRYAGAIN);
        assertThat(s.openSlotRedirect(150, true, true, 2, 0)).isNull();
        assertThat(s.redirect(160, true, false, true)).isEqualTo("MOVED 160 127.0.0.1:7002");
    }
}
