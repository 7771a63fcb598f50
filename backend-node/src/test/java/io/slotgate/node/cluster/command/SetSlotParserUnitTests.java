package io.slotgate.node.cluster.command;

import io.slotgate.routing.resp.RespRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CLUSTER SETSLOT's syntax and Redis 7.0's error texts (cluster-protocol.md §9). */
class SetSlotParserUnitTests {

    private static final String INVALID =
            "ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP";

    private static ClusterCommand parse(String... args) throws ClusterCommandException {
        RespRequest req = RespRequest.of(args);
        try {
            return ClusterCommandParser.parse(req);
        } finally {
            req.release();
        }
    }

    private static void assertError(String expected, String... args) {
        assertThatThrownBy(() -> parse(args)).isInstanceOf(ClusterCommandException.class).hasMessage(expected);
    }

    @Test
    void shouldParseEveryActionCaseInsensitively() throws Exception {
        assertThat(parse("CLUSTER", "SETSLOT", "7", "importing", "n1"))
                .isEqualTo(new ClusterCommand.SetSlot(7, ClusterCommand.SetSlot.Action.IMPORTING, "n1"));
        assertThat(parse("cluster", "setslot", "16383", "MIGRATING", "n2"))
                .isEqualTo(new ClusterCommand.SetSlot(16383, ClusterCommand.SetSlot.Action.MIGRATING, "n2"));
        assertThat(parse("CLUSTER", "SETSLOT", "0", "Node", "n3"))
                .isEqualTo(new ClusterCommand.SetSlot(0, ClusterCommand.SetSlot.Action.NODE, "n3"));
        assertThat(parse("CLUSTER", "SETSLOT", "5", "stable"))
                .isEqualTo(new ClusterCommand.SetSlot(5, ClusterCommand.SetSlot.Action.STABLE, null));
    }

    @Test
    void shouldRejectBadSlotsActionsAndArgumentCounts() {
        assertError("ERR wrong number of arguments for 'cluster|setslot' command", "CLUSTER", "SETSLOT", "5");
        assertError("ERR Invalid or out of range slot", "CLUSTER", "SETSLOT", "16384", "stable");
        assertError("ERR Invalid or out of range slot", "CLUSTER", "SETSLOT", "x", "stable");
        assertError(INVALID, "CLUSTER", "SETSLOT", "5", "stable", "extra");
        assertError(INVALID, "CLUSTER", "SETSLOT", "5", "node");
        assertError(INVALID, "CLUSTER", "SETSLOT", "5", "importing", "a", "b");
        assertError(INVALID, "CLUSTER", "SETSLOT", "5", "sideways", "a");
    }
}
