package io.slotgate.node.cluster.command;

import io.slotgate.routing.resp.RespRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterCommandParserUnitTests {

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
    void shouldParseSubcommandsCaseInsensitively() throws Exception {
        assertThat(parse("cluster", "nodes")).isInstanceOf(ClusterCommand.Nodes.class);
        assertThat(parse("CLUSTER", "Info")).isInstanceOf(ClusterCommand.Info.class);
        assertThat(parse("CLUSTER", "slaves", "x")).isEqualTo(new ClusterCommand.Replicas("x"));
        assertThat(parse("CLUSTER", "KEYSLOT", "123456789")).isEqualTo(new ClusterCommand.KeySlot(12739));
        assertThat(parse("CLUSTER", "RESET")).isEqualTo(new ClusterCommand.Reset(false));
        assertThat(parse("CLUSTER", "reset", "HARD")).isEqualTo(new ClusterCommand.Reset(true));
    }

    @Test
    void shouldParseFailoverModesWithRedisErrors() throws Exception {
        assertThat(parse("CLUSTER", "FAILOVER"))
                .isEqualTo(new ClusterCommand.Failover(ClusterCommand.Failover.Mode.DEFAULT));
        assertThat(parse("CLUSTER", "failover", "force"))
                .isEqualTo(new ClusterCommand.Failover(ClusterCommand.Failover.Mode.FORCE));
        assertThat(parse("CLUSTER", "FAILOVER", "TakeOver"))
                .isEqualTo(new ClusterCommand.Failover(ClusterCommand.Failover.Mode.TAKEOVER));
        assertError("ERR syntax error", "CLUSTER", "FAILOVER", "now");
        assertError("ERR unknown subcommand or wrong number of arguments for 'failover'. Try CLUSTER HELP.",
                "CLUSTER", "FAILOVER", "FORCE", "TAKEOVER");
    }

    @Test
    void shouldParseTheTestDropLinksSwitch() throws Exception {
        assertThat(parse("CLUSTER", "TEST-DROP-LINKS", "none"))
                .isEqualTo(new ClusterCommand.TestDropLinks(List.of()));
        assertThat(parse("CLUSTER", "TEST-DROP-LINKS", "x", "y"))
                .isEqualTo(new ClusterCommand.TestDropLinks(List.of("x", "y")));
        assertError("ERR wrong number of arguments for 'cluster|test-drop-links' command",
                "CLUSTER", "TEST-DROP-LINKS");
    }

    @Test
    void shouldParseThousandsOfAddSlotsArguments() throws Exception {
        String[] args = new String[2 + 16384];
        args[0] = "CLUSTER";
        args[1] = "ADDSLOTS";
        for (int s = 0; s < 16384; s++) {
            args[s + 2] = Integer.toString(s);
        }
        ClusterCommand.SlotAssignment a = (ClusterCommand.SlotAssignment) parse(args);
        assertThat(a.delete()).isFalse();
        assertThat(a.starts()).hasSize(16384);
        assertThat(a.ends()[16383]).isEqualTo(16383);
    }

    @Test
    void shouldRejectBadSlotsWithRedisErrors() {
        assertError("ERR Invalid or out of range slot", "CLUSTER", "ADDSLOTS", "1", "16384");
        assertError("ERR Invalid or out of range slot", "CLUSTER", "DELSLOTS", "-1");
        assertError("ERR Invalid or out of range slot", "CLUSTER", "ADDSLOTS", "abc");
        assertError("ERR start slot number 5 is greater than end slot number 2", "CLUSTER", "ADDSLOTSRANGE", "5", "2");
        assertError("ERR wrong number of arguments for 'cluster|addslotsrange' command",
                "CLUSTER", "ADDSLOTSRANGE", "1", "2", "3");
        assertError("ERR wrong number of arguments for 'cluster|addslots' command", "CLUSTER", "ADDSLOTS");
    }

    @Test
    void shouldRejectBadArityAndUnknownSubcommands() {
        assertError("ERR wrong number of arguments for 'cluster' command", "CLUSTER");
        assertError("ERR wrong number of arguments for 'cluster|nodes' command", "CLUSTER", "NODES", "x");
        assertError("ERR wrong number of arguments for 'cluster|forget' command", "CLUSTER", "FORGET");
        assertError("ERR unknown subcommand 'Nope'. Try CLUSTER HELP.", "CLUSTER", "Nope");
        assertError("ERR syntax error", "CLUSTER", "RESET", "medium");
    }

    @Test
    void shouldValidateMeetAddresses() throws Exception {
        assertThat(parse("CLUSTER", "MEET", "127.0.0.1", "7000")).isEqualTo(new ClusterCommand.Meet("127.0.0.1", 7000, 17000));
        assertThat(parse("cluster", "meet", "::1", "7000", "7100")).isEqualTo(new ClusterCommand.Meet("::1", 7000, 7100));
        assertError("ERR Invalid node address specified: localhost:7000", "CLUSTER", "MEET", "localhost", "7000");
        assertError("ERR Invalid node address specified: 127.0.0.1:60000", "CLUSTER", "MEET", "127.0.0.1", "60000");
        assertError("ERR Invalid TCP base port specified: x", "CLUSTER", "MEET", "127.0.0.1", "x");
        assertError("ERR Invalid TCP bus port specified: y", "CLUSTER", "MEET", "127.0.0.1", "7000", "y");
        assertError("ERR Invalid node address specified: 300.0.0.1:7000", "CLUSTER", "MEET", "300.0.0.1", "7000");
        assertError("ERR Invalid node address specified: 127.0.0.01:7000", "CLUSTER", "MEET", "127.0.0.01", "7000");
    }

    @Test
    void shouldValidateEpochsAndKeyQueries() throws Exception {
        assertThat(parse("CLUSTER", "SET-CONFIG-EPOCH", "3")).isEqualTo(new ClusterCommand.SetConfigEpoch(3));
        assertError("ERR Invalid config epoch specified: -1", "CLUSTER", "SET-CONFIG-EPOCH", "-1");
        assertError("ERR value is not an integer or out of range", "CLUSTER", "SET-CONFIG-EPOCH", "x");
        assertError("ERR Invalid slot", "CLUSTER", "COUNTKEYSINSLOT", "16384");
        assertError("ERR value is not an integer or out of range", "CLUSTER", "COUNTKEYSINSLOT", "a");
        assertError("ERR Invalid slot or number of keys", "CLUSTER", "GETKEYSINSLOT", "1", "-1");
        assertThat(parse("CLUSTER", "GETKEYSINSLOT", "1", "10")).isEqualTo(new ClusterCommand.GetKeysInSlot(1, 10));
    }
}
