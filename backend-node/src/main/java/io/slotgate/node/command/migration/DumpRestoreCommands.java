package io.slotgate.node.command.migration;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.persistence.rdb.DumpPayload;
import io.slotgate.node.persistence.rdb.RdbFormatException;
import io.slotgate.node.persistence.rdb.RdbValue;
import io.slotgate.node.persistence.rdb.StoreValues;
import io.slotgate.node.store.Partition;

import static io.slotgate.node.command.CommandEntry.F_ASKING;
import static io.slotgate.node.command.CommandEntry.F_WRITE;

/**
 * DUMP, RESTORE and RESTORE-ASKING (the form MIGRATE sends to an importing node, with an implicit ASKING). Payloads are Redis 7.0's (RDB 10), so keys move between this node and real Redis.
 */
public final class DumpRestoreCommands {

    static final String BUSYKEY = "BUSYKEY Target key name already exists.";
    static final String BAD_PAYLOAD = "ERR DUMP payload version or checksum are wrong";
    static final String BAD_FORMAT = "ERR Bad data format";
    static final String BAD_TTL = "ERR Invalid TTL value, must be >= 0";
    static final String BAD_IDLETIME = "ERR Invalid IDLETIME value, must be >= 0";
    static final String BAD_FREQ = "ERR Invalid FREQ value, must be >= 0 and <= 255";

    private DumpRestoreCommands() {
    }

    public static void register(CommandRegistry r) {
        KeySpec one = KeySpec.range(1, 1, 1);
        r.add("dump", 2, 0, one, DumpRestoreCommands::dump);
        r.add("restore", -4, F_WRITE, one, DumpRestoreCommands::restore);
        // Implicit ASKING: MIGRATE's target accepts it on an importing slot (cluster-protocol.md §2.1 step 10).
        r.add("restore-asking", -4, F_WRITE | F_ASKING, one, DumpRestoreCommands::restore);
    }

    private static void dump(Call c) {
        Object v = c.db().lookupRead(c.arg(1));
        c.bulk(v == null ? null : DumpPayload.dump(StoreValues.toRdb(v)));
    }

    /** Checks in Redis 7.0's order: options, busy key, TTL, payload footer, payload body. */
    private static void restore(Call c) {
        boolean replace = false;
        boolean absTtl = false;
        boolean idleSeen = false;
        boolean freqSeen = false;
        for (int j = 4; j < c.argc(); j++) {
            boolean hasValue = j + 1 < c.argc();
            if (c.argIs(j, "replace")) {
                replace = true;
            } else if (c.argIs(j, "absttl")) {
                absTtl = true;
            } else if (c.argIs(j, "idletime") && hasValue && !freqSeen) {
                if (c.argLong(++j) < 0) {
                    throw new CommandException(BAD_IDLETIME);
                }
                idleSeen = true; // accepted and ignored: this node keeps no LRU clock
            } else if (c.argIs(j, "freq") && hasValue && !idleSeen) {
                long f = c.argLong(++j);
                if (f < 0 || f > 255) {
                    throw new CommandException(BAD_FREQ);
                }
                freqSeen = true; // accepted and ignored: no LFU counters either
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        Partition db = c.db();
        byte[] key = c.arg(1);
        if (!replace && db.exists(key)) {
            throw new CommandException(BUSYKEY);
        }
        long ttl = c.argLong(2);
        if (ttl < 0) {
            throw new CommandException(BAD_TTL);
        }
        byte[] payload = c.arg(3);
        if (!DumpPayload.verify(payload)) {
            throw new CommandException(BAD_PAYLOAD);
        }
        RdbValue value;
        try {
            value = DumpPayload.read(payload);
        } catch (RdbFormatException e) {
            throw new CommandException(BAD_FORMAT);
        }
        if (replace) {
            db.delete(key);
        }
        long now = db.now();
        long expireAt = ttl == 0 ? -1 : absTtl ? ttl : (ttl > Long.MAX_VALUE - now ? Long.MAX_VALUE : ttl + now);
        if (expireAt >= 0 && expireAt <= now) {
            c.ok(); // already expired: Redis answers OK and stores nothing
            return;
        }
        db.set(key, StoreValues.toStore(value));
        if (expireAt >= 0) {
            db.setExpireAt(key, expireAt);
        }
        c.ok();
    }
}
