package io.slotgate.routing.command;

import io.slotgate.routing.resp.RespRequest;

import java.util.Collection;

/**
 * The command table of Redis 7.0, loaded from the generated resource {@code redis-7.0-commands.*} (see the
 * generator under routing/tools). Immutable and thread-safe.
 */
public final class CommandTable {

    private CommandTable() {
    }

    /** The bundled Redis 7.0 table (loaded once per call; callers keep the instance). */
    public static CommandTable redis70() {
        throw new UnsupportedOperationException("TODO: implemented by the command-table work");
    }

    /** The command a request names (case-insensitive, no allocation on the hot path); null if unknown. */
    public CommandSpec lookup(RespRequest request) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Case-insensitive lookup by name; "cluster|nodes" finds a subcommand. Null if unknown. */
    public CommandSpec lookup(String name) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The subcommand a request names for a container command (argument 1), or the command itself. */
    public CommandSpec resolve(RespRequest request) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Top-level commands. */
    public Collection<CommandSpec> commands() {
        throw new UnsupportedOperationException("TODO");
    }
}
