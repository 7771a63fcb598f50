package io.slotgate.node.persistence;

import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.KeySpec;

import static io.slotgate.node.command.CommandEntry.F_NO_MULTI;

/** SAVE, BGSAVE, BGREWRITEAOF and LASTSAVE, answered by the node's {@code PersistenceHook}. */
public final class PersistenceCommands {

    private PersistenceCommands() {
    }

    public static void register(CommandRegistry r) {
        KeySpec none = KeySpec.none();
        r.add("save", 1, F_NO_MULTI, none, c -> c.node().persistence().save(c));
        r.add("bgsave", -1, 0, none, c -> c.node().persistence().bgsave(c));
        r.add("bgrewriteaof", 1, 0, none, c -> c.node().persistence().bgrewriteaof(c));
        r.add("lastsave", 1, 0, none, c -> c.integer(c.node().persistence().lastSaveSeconds()));
    }
}
