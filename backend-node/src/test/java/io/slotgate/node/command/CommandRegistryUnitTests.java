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

    @Test
    void shouldFindTheSingleKeyOfSimpleCommandsLikeTheTableDoes() {
        CommandTable table = CommandTable.redis70();
        CommandRegistry registry = Commands.registry(table);
        int checked = 0;
        for (CommandEntry e : registry.all()) {
            var spec = table.lookup(e.name());
            if (!CommandRegistry.isSingleKeyAtOne(spec)) {
                continue;
            }
            checked++;
            int n = Math.max(2, Math.abs(e.arity()));
            for (int argc : new int[] {n, n + 1, 1}) {
                String[] args = new String[argc];
                args[0] = e.name();
                for (int i = 1; i < argc; i++) {
                    args[i] = "a" + i;
                }
                var req = io.slotgate.routing.resp.RespRequest.of(args);
                try {
                    assertThat(e.keys().keys(req)).as(e.name() + " with " + argc + " arguments")
                            .containsExactly(spec.slotIndexes(req));
                } finally {
                    req.release();
                }
            }
        }
        assertThat(checked).as("GET, SET, INCR, LPUSH, HSET, SADD, ZADD and more").isGreaterThan(50);
    }
}
