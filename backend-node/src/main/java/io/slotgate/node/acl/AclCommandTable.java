package io.slotgate.node.acl;

import io.slotgate.node.command.CommandEntry;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.routing.command.CommandFlag;
import io.slotgate.routing.command.CommandSpec;
import io.slotgate.routing.command.CommandTable;
import io.slotgate.routing.resp.RespRequest;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every command and subcommand the ACL rules can name, each with a bit id (as Redis gives each command an id for
 * its per-user bitmap), the bits of each category, and the mapping from the node's registered commands to those
 * ids. Built once at start-up from routing's Redis 7.0 table, then read-only.
 */
public final class AclCommandTable {

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> idByName = new HashMap<>();
    /** For container commands: the ids of their subcommands. */
    private final Map<Integer, int[]> childrenById = new HashMap<>();
    private final BitSet containers = new BitSet();
    private final BitSet noAuth = new BitSet();
    private final Map<String, BitSet> categoryBits = new HashMap<>();
    /** Registry entry id to ACL id (-1 when the entry is not known to the table). */
    private final int[] aclIdByEntry;
    private final CommandTable table;

    public AclCommandTable(CommandRegistry registry) {
        this.table = registry.table();
        for (String cat : AclCategory.NAMES) {
            categoryBits.put(cat, new BitSet());
        }
        if (table != null) {
            for (CommandSpec spec : table.commands()) {
                int id = define(spec);
                if (spec.isContainer()) {
                    containers.set(id);
                    int[] kids = new int[spec.subcommands().size()];
                    int i = 0;
                    for (CommandSpec sub : spec.subcommands().values()) {
                        kids[i++] = define(sub);
                    }
                    childrenById.put(id, kids);
                }
            }
        }
        int maxEntry = 0;
        for (CommandEntry e : registry.all()) {
            maxEntry = Math.max(maxEntry, e.id() + 1);
        }
        aclIdByEntry = new int[maxEntry];
        java.util.Arrays.fill(aclIdByEntry, -1);
        for (CommandEntry e : registry.all()) {
            Integer id = idByName.get(e.name());
            if (id == null) {
                id = names.size(); // a node-only command: nameable, in no category
                names.add(e.name());
                idByName.put(e.name(), id);
            }
            if (e.id() >= 0) {
                aclIdByEntry[e.id()] = id;
            }
        }
    }

    private int define(CommandSpec spec) {
        int id = names.size();
        names.add(spec.name());
        idByName.put(spec.name(), id);
        for (String cat : spec.aclCategories()) {
            BitSet bits = categoryBits.get(cat);
            if (bits != null) {
                bits.set(id);
            }
        }
        if (spec.has(CommandFlag.NO_AUTH)) {
            noAuth.set(id);
        }
        return id;
    }

    /** Number of ids (commands plus subcommands). */
    public int size() {
        return names.size();
    }

    public String name(int id) {
        return names.get(id);
    }

    /** The id of "get" or "config|get" (case-insensitive), or -1. */
    public int id(String name) {
        Integer id = idByName.get(name.toLowerCase(Locale.ROOT));
        return id == null ? -1 : id;
    }

    public boolean isContainer(int id) {
        return containers.get(id);
    }

    /** Subcommand ids of a container (empty otherwise). */
    public int[] children(int id) {
        int[] k = childrenById.get(id);
        return k == null ? new int[0] : k;
    }

    /** Commands Redis lets anyone run whatever their rules (AUTH, HELLO: flag no_auth). */
    public boolean isNoAuth(int id) {
        return noAuth.get(id);
    }

    /** Ids in a category (without '@'), or null for an unknown category. */
    public BitSet category(String name) {
        return categoryBits.get(name.toLowerCase(Locale.ROOT));
    }

    /** Size of the registry's entry id space. */
    public int entryCount() {
        return aclIdByEntry.length;
    }

    public int aclIdOfEntry(int entryId) {
        return aclIdByEntry[entryId];
    }

    public int aclId(CommandEntry entry) {
        int i = entry.id();
        return i >= 0 && i < aclIdByEntry.length ? aclIdByEntry[i] : -1;
    }

    /** The id the request actually runs: the subcommand's for a container command when it names a known one. */
    public int resolve(CommandEntry entry, RespRequest request) {
        int id = aclId(entry);
        if (id >= 0 && containers.get(id) && table != null && request.argCount() > 1) {
            CommandSpec sub = table.resolve(request);
            if (sub != null) {
                Integer s = idByName.get(sub.name());
                if (s != null) {
                    return s;
                }
            }
        }
        return id;
    }

    /** The Redis 7.0 spec of an id (null for node-only commands). */
    public CommandSpec spec(int id) {
        return table == null ? null : table.lookup(names.get(id));
    }

    /** Top-level ids in table order (subcommands are reached through {@link #children}). */
    public List<Integer> topLevel() {
        List<Integer> out = new ArrayList<>();
        for (int id = 0; id < names.size(); id++) {
            if (names.get(id).indexOf('|') < 0) {
                out.add(id);
            }
        }
        return out;
    }
}
