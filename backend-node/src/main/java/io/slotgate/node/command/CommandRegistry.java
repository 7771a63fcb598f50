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
            keys = isSingleKeyAtOne(spec) ? singleKey(arity) : spec::slotIndexes;
            if (spec.has(CommandFlag.WRITE)) {
                flags |= CommandEntry.F_WRITE;
            }
            if (spec.isContainer()) {
                flags |= CommandEntry.F_CONTAINER;
            }
        }
        CommandEntry entry = new CommandEntry(name, arity, flags, keys, handler, byName.size());
        add(entry);
        if (spec != null) {
            bySpec.put(spec, entry);
        }
    }

    /**
     * Whether Redis's key specs say "exactly argument 1" (GET, SET, INCR, LPUSH, HSET...): then the key position
     * needs no search per request (routing's general search allocates; this is the hot path's common case).
     */
    static boolean isSingleKeyAtOne(CommandSpec spec) {
        if (spec.isContainer() || spec.keySpecs().size() != 1) {
            return false;
        }
        io.slotgate.routing.command.KeySpec ks = spec.keySpecs().get(0);
        return !ks.incomplete() && !ks.notKey() && !ks.variableFlags()
                && ks.beginSearch().type() == io.slotgate.routing.command.KeySpec.SearchType.INDEX
                && ks.beginSearch().index() == 1
                && ks.findKeys().type() == io.slotgate.routing.command.KeySpec.FindType.RANGE
                && ks.findKeys().lastKey() == 0 && ks.findKeys().keyStep() == 1 && ks.findKeys().limit() == 0;
    }

    /** Argument 1 when the arity is right, like the table's search (which finds nothing for a wrong arity). */
    private static KeySpec singleKey(int arity) {
        return r -> {
            int n = r.argCount();
            boolean ok = arity >= 0 ? n == arity : n >= -arity;
            return ok && n > 1 ? KeySpec.ONE : KeySpec.NONE;
        };
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
        if (!entry.has(CommandEntry.F_CONTAINER) || table == null || request.argCount() < 2) {
            return null; // most commands: no table lookup by name on the hot path
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
