package io.slotgate.node.command.keys;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandEntry;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.store.DumpFormat;
import io.slotgate.node.store.Partition;

import static io.slotgate.node.command.CommandEntry.F_WRITE;

/** DUMP, RESTORE and RESTORE-ASKING (cluster-protocol.md §10.2-10.3). */
final class DumpRestoreCommands {

    private DumpRestoreCommands() {
    }

    static void register(CommandRegistry r) {
        KeySpec one = KeySpec.range(1, 1, 1);
        r.add("dump", 2, 0, one, c -> {
            Object v = c.db().lookupRead(c.arg(1));
            c.bulk(v == null ? null : DumpFormat.dump(v));
        });
        r.add("restore", -4, F_WRITE, one, DumpRestoreCommands::restore);
        // MIGRATE's target command: RESTORE plus an implicit ASKING (accepted on an importing slot).
        r.add("restore-asking", -4, F_WRITE | CommandEntry.F_ASKING, one, DumpRestoreCommands::restore);
        MigrateCommand.register(r);
    }

    private static void restore(Call c) {
        boolean replace = false;
        boolean absTtl = false;
        boolean idle = false;
        boolean freq = false;
        for (int i = 4; i < c.argc(); i++) {
            boolean more = i + 1 < c.argc();
            if (c.argIs(i, "replace")) {
                replace = true;
            } else if (c.argIs(i, "absttl")) {
                absTtl = true;
            } else if (c.argIs(i, "idletime") && more && !freq) {
                if (c.argLong(++i) < 0) {
                    throw new CommandException("ERR Invalid IDLETIME value, must be >= 0");
                }
                idle = true;
            } else if (c.argIs(i, "freq") && more && !idle) {
                long f = c.argLong(++i);
                if (f < 0 || f > 255) {
                    throw new CommandException("ERR Invalid FREQ value, must be >= 0 and <= 255");
                }
                freq = true;
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        long ttl = c.argLong(2);
        if (ttl < 0) {
            throw new CommandException("ERR Invalid TTL value, must be >= 0");
        }
        Partition db = c.db();
        byte[] key = c.arg(1);
        if (!replace && db.exists(key)) {
            throw new CommandException("BUSYKEY Target key name already exists.");
        }
        Object value;
        try {
            value = DumpFormat.restore(c.arg(3));
        } catch (DumpFormat.BadPayload e) {
            throw new CommandException(e.getMessage());
        }
        if (replace) {
            db.delete(key);
        }
        if (ttl > 0) {
            long when = absTtl ? ttl : ttl + db.now();
            if (when <= db.now()) {
                c.ok(); // already expired: nothing is created
                return;
            }
            db.set(key, value);
            db.setExpireAt(key, when);
        } else {
            db.set(key, value);
        }
        c.ok();
    }
}
