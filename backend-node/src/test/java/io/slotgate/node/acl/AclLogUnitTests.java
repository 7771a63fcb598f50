package io.slotgate.node.acl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AclLogUnitTests {

    @Test
    void shouldPrintAgesAsRedisPrintsDoubles() {
        assertThat(AclLog.seconds(0.153)).isEqualTo("0.153");
        assertThat(AclLog.seconds(0.036)).isEqualTo("0.035999999999999997");
        assertThat(AclLog.seconds(1465.477)).isEqualTo("1465.4770000000001");
        assertThat(AclLog.seconds(2)).isEqualTo("2");
    }

    @Test
    void shouldKeepAtMostTheNewestEntries() {
        AclLog log = new AclLog();
        for (int i = 0; i < AclLog.MAX_ENTRIES + 10; i++) {
            log.add("key", "toplevel", "k" + i, "u", "info");
        }

        assertThat(log.rows(1000)).hasSize(AclLog.MAX_ENTRIES);
        assertThat(log.rows(1).get(0).object()).isEqualTo("k" + (AclLog.MAX_ENTRIES + 9));
    }
}
