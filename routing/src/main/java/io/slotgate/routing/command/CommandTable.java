package io.slotgate.routing.command;

import io.slotgate.routing.resp.RespRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The command table of Redis 7.0, loaded from the generated resource {@code redis-7.0-commands.txt} (see the
 * generator under routing/tools). Immutable and thread-safe.
 */
public final class CommandTable {

    /** Classpath resource (next to this class) of the bundled table. */
    public static final String REDIS_70_RESOURCE = "redis-7.0-commands.txt";

    private final Map<String, CommandSpec> commands;
    private final NameTable byName;

    private CommandTable(Map<String, CommandSpec> commands) {
        this.commands = Collections.unmodifiableMap(new LinkedHashMap<>(commands));
        this.byName = new NameTable(commands);
    }

    /** The bundled Redis 7.0 table (loaded once per call; callers keep the instance). */
    public static CommandTable redis70() {
        try (InputStream in = CommandTable.class.getResourceAsStream(REDIS_70_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + REDIS_70_RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table in the generator's line format (e.g. a table generated from another server version). */
    public static CommandTable load(InputStream in) throws IOException {
        return new CommandTable(CommandTableFormat.read(in));
    }

    /** The command a request names (case-insensitive, no allocation on the hot path); null if unknown. */
    public CommandSpec lookup(RespRequest request) {
        if (request.argCount() == 0) {
            return null;
        }
        return byName.get(request.frame(), request.argIndex(0), request.argLength(0));
    }

    /** Case-insensitive lookup by name; "cluster|nodes" finds a subcommand. Null if unknown. */
    public CommandSpec lookup(String name) {
        int bar = name.indexOf('|');
        if (bar < 0) {
            return byName.get(name);
        }
        CommandSpec parent = byName.get(name.substring(0, bar));
        if (parent == null) {
            return null;
        }
        String sub = name.substring(bar + 1).toLowerCase(Locale.ROOT);
        return parent.subcommands().get(sub);
    }

    /** The subcommand a request names for a container command (argument 1), or the command itself. */
    public CommandSpec resolve(RespRequest request) {
        CommandSpec spec = lookup(request);
        if (spec instanceof TableCommandSpec t && spec.isContainer()) {
            CommandSpec sub = t.subcommand(request, 1);
            return sub != null ? sub : spec;
        }
        return spec;
    }

    /** Top-level commands. */
    public Collection<CommandSpec> commands() {
        return commands.values();
    }

    /** Number of top-level commands (Redis's COMMAND COUNT). */
    public int size() {
        return commands.size();
    }
}
