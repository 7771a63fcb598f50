package io.slotgate.node.command;

import io.slotgate.routing.command.CommandFlag;
import io.slotgate.routing.command.CommandSpec;
import io.slotgate.routing.command.CommandTable;
import io.slotgate.routing.resp.RespRequest;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command name to handler. Filled once at startup by each family's {@code register} method, then read-only.
 * Arity and key positions come from routing's Redis 7.0 {@link CommandTable} when it knows the command, so the
 * slot gate finds keys exactly as Redis does; a family's own arity must agree with it (checked here).
 */
public final class CommandRegistry {

    private final Map<String, CommandEntry> byName = new HashMap<>();
    /** Same entries keyed by the table's spec, so the hot path looks up without allocating. */
    private final Map<CommandSpec, CommandEntry> bySpec = new java.util.IdentityHashMap<>();
    private final CommandTable table;

    public CommandRegistry() {
        this(null);
    }

    public CommandRegistry(CommandTable table) {
        this.table = table;
    }

    /** The Redis 7.0 table this registry follows (null in unit tests that do without it). */
    public CommandTable table() {
        return table;
    }

    public void add(CommandEntry entry) {
        if (byName.put(entry.name(), entry) != null) {
            throw new IllegalStateException("duplicate command " + entry.name());
        }
    }

    public void add(String name, int arity, int flags, KeySpec keys, CommandHandler handler) {
        CommandSpec spec = table == null ? null : table.lookup(name);
        if (spec != null) {
            if (spec.arity() != arity) {
                throw new IllegalStateException("arity of " + name + " is " + arity + ", Redis says " + spec.arity());
            }
            keys = spec::slotIndexes;
            if (spec.has(CommandFlag.WRITE)) {
                flags |= CommandEntry.F_WRITE;
            }
        }
        CommandEntry entry = new CommandEntry(name, arity, flags, keys, handler, byName.size());
        add(entry);
        if (spec != null) {
            bySpec.put(spec, entry);
        }
    }

    /** Looks up a request's command, case-insensitively; null when unknown. */
    public CommandEntry lookup(RespRequest request) {
        if (table != null) {
            CommandSpec spec = table.lookup(request);
            if (spec != null) {
                CommandEntry e = bySpec.get(spec);
                if (e != null) {
                    return e;
                }
            }
        }
        int len = request.argLength(0);
        if (len == 0 || len > 32) {
            return null;
        }
        char[] name = new char[len];
        int base = request.argIndex(0);
        for (int i = 0; i < len; i++) {
            int c = request.frame().getByte(base + i) & 0xFF;
            name[i] = (char) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return byName.get(new String(name));
    }

    /**
     * For container commands (CONFIG, CLIENT, CLUSTER...): Redis's arity error of the named subcommand, e.g.
     * "ERR wrong number of arguments for 'config|get' command", or null when it is fine or unknown.
     */
    public String subcommandArityError(CommandEntry entry, RespRequest request) {
        if (table == null || request.argCount() < 2) {
            return null;
        }
        CommandSpec spec = table.lookup(entry.name());
        if (spec == null || !spec.isContainer()) {
            return null;
        }
        CommandSpec sub = table.resolve(request);
        if (sub == null || sub == spec || sub.arityOk(request.argCount())) {
            return null;
        }
        return Errors.wrongArity(sub.name());
    }

    public CommandEntry lookup(String name) {
        return byName.get(name.toLowerCase(Locale.ROOT));
    }

    public Collection<CommandEntry> all() {
        return new TreeMap<>(byName).values();
    }

    public int size() {
        return byName.size();
    }
}
