package io.slotgate.node.command;

import io.slotgate.routing.resp.RespRequest;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Command name to handler. Filled once at startup by each family's {@code register} method, then read-only. */
public final class CommandRegistry {

    private final Map<String, CommandEntry> byName = new HashMap<>();

    public void add(CommandEntry entry) {
        if (byName.put(entry.name(), entry) != null) {
            throw new IllegalStateException("duplicate command " + entry.name());
        }
    }

    public void add(String name, int arity, int flags, KeySpec keys, CommandHandler handler) {
        add(new CommandEntry(name, arity, flags, keys, handler));
    }

    /** Looks up a request's command, case-insensitively; null when unknown. */
    public CommandEntry lookup(RespRequest request) {
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
