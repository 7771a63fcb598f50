package io.slotgate.node.command;

import io.slotgate.routing.command.CommandTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandRegistryUnitTests {

    @Test
    void shouldAgreeWithRedisArityForEveryRegisteredCommand() {
        // Commands.registry fails fast when a family's arity differs from the Redis 7.0 table.
        CommandRegistry registry = Commands.registry(CommandTable.redis70());
        assertThat(registry.size()).isGreaterThan(150);
        for (CommandEntry e : registry.all()) {
            assertThat(CommandTable.redis70().lookup(e.name())).as(e.name()).isNotNull();
        }
    }

    @Test
    void shouldFindKeysAsRedisDoes() {
        CommandRegistry registry = Commands.registry(CommandTable.redis70());
        var req = io.slotgate.routing.resp.RespRequest.of("ZUNIONSTORE", "d", "2", "a", "b", "WEIGHTS", "1", "2");
        try {
            assertThat(registry.lookup(req).keys().keys(req)).containsExactly(1, 3, 4);
        } finally {
            req.release();
        }
    }
}
