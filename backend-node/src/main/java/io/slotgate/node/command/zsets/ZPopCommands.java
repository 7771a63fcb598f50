package io.slotgate.node.command.zsets;

import io.slotgate.node.command.Blocking;
import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.command.hashes.RandomPick;
import io.slotgate.node.store.Partition;
import io.slotgate.node.store.ZSetValue;
import io.slotgate.node.store.ZSetValue.Entry;

import java.util.ArrayList;
import java.util.List;

import static io.slotgate.node.command.CommandEntry.F_BLOCKING;
import static io.slotgate.node.command.CommandEntry.F_WRITE;

/** ZPOPMIN/ZPOPMAX, ZMPOP, their blocking forms BZPOPMIN/BZPOPMAX/BZMPOP, and ZRANDMEMBER. */
final class ZPopCommands {

    private ZPopCommands() {
    }

    static void register(CommandRegistry r) {
        KeySpec one = KeySpec.range(1, 1, 1);
        r.add("zpopmin", -2, F_WRITE, one, c -> zpop(c, true));
        r.add("zpopmax", -2, F_WRITE, one, c -> zpop(c, false));
        r.add("zmpop", -4, F_WRITE, KeySpec.numkeys(1), c -> {
            MpopArgs a = MpopArgs.parse(c, 1);
            if (!mpop(c, c.db(), a)) {
                c.nullArray();
            }
        });
        r.add("bzpopmin", -3, F_WRITE | F_BLOCKING, KeySpec.range(1, -2, 1), c -> bzpop(c, true));
        r.add("bzpopmax", -3, F_WRITE | F_BLOCKING, KeySpec.range(1, -2, 1), c -> bzpop(c, false));
        r.add("bzmpop", -5, F_WRITE | F_BLOCKING, KeySpec.numkeys(2), c -> {
            long timeout = Blocking.timeoutMillis(c, 1);
            MpopArgs a = MpopArgs.parse(c, 2);
            Blocking.serveOrBlock(c, a.keys(), timeout, call -> mpop(call, call.db(), a), c::nullArray);
        });
        r.add("zrandmember", -2, 0, one, ZPopCommands::zrandmember);
    }

    private static Entry popOne(ZSetValue z, boolean min) {
        Entry e = min ? z.first() : z.last();
        z.remove(e.member());
        return e;
    }

    private static void zpop(Call c, boolean min) {
        if (c.argc() > 3) {
            throw new CommandException(Errors.SYNTAX);
        }
        long count = 1;
        if (c.argc() == 3) {
            count = c.argLong(2, Errors.NOT_POSITIVE);
            if (count < 0) {
                throw new CommandException(Errors.NOT_POSITIVE);
            }
        }
        byte[] k = c.arg(1);
        ZSetValue z = c.db().getZSet(k);
        if (z == null || count == 0) {
            c.array(0);
            return;
        }
        int n = (int) Math.min(count, z.size());
        c.array(n * 2);
        for (int i = 0; i < n; i++) {
            Entry e = popOne(z, min);
            c.bulk(e.member());
            c.doubleBulk(e.score());
        }
        c.db().deleteIfEmpty(k, z);
    }

    private static void bzpop(Call c, boolean min) {
        long timeout = Blocking.timeoutMillis(c, c.argc() - 1);
        List<byte[]> keys = Blocking.keysBeforeTimeout(c);
        Blocking.serveOrBlock(c, keys, timeout, call -> {
            Partition db = call.db();
            for (byte[] k : keys) {
                ZSetValue z = db.getZSet(k);
                if (z != null) {
                    Entry e = popOne(z, min);
                    db.deleteIfEmpty(k, z);
                    db.watches().touched(k);
                    call.array(3);
                    call.bulk(k);
                    call.bulk(e.member());
                    call.doubleBulk(e.score());
                    return true;
                }
            }
            return false;
        }, c::nullArray);
    }

    /** ZMPOP/BZMPOP arguments, copied so they outlive the request. */
    record MpopArgs(List<byte[]> keys, boolean min, long count) {
        static MpopArgs parse(Call c, int numkeysIndex) {
            long numkeys = c.argLong(numkeysIndex, "ERR numkeys should be greater than 0");
            if (numkeys <= 0) {
                throw new CommandException("ERR numkeys should be greater than 0");
            }
            if (numkeys > c.argc() - numkeysIndex - 2) {
                throw new CommandException(Errors.SYNTAX);
            }
            int dir = numkeysIndex + 1 + (int) numkeys;
            List<byte[]> keys = new ArrayList<>();
            for (int i = numkeysIndex + 1; i < dir; i++) {
                keys.add(c.arg(i));
            }
            boolean min;
            if (c.argIs(dir, "min")) {
                min = true;
            } else if (c.argIs(dir, "max")) {
                min = false;
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
            long count = 1;
            if (dir + 1 < c.argc()) {
                if (c.argIs(dir + 1, "count") && dir + 3 == c.argc()) {
                    count = c.argLong(dir + 2, "ERR count should be greater than 0");
                    if (count <= 0) {
                        throw new CommandException("ERR count should be greater than 0");
                    }
                } else {
                    throw new CommandException(Errors.SYNTAX);
                }
            }
            return new MpopArgs(keys, min, count);
        }
    }

    static boolean mpop(Call c, Partition db, MpopArgs a) {
        for (byte[] k : a.keys()) {
            ZSetValue z = db.getZSet(k);
            if (z == null) {
                continue;
            }
            int n = (int) Math.min(a.count(), z.size());
            c.array(2);
            c.bulk(k);
            c.array(n);
            for (int i = 0; i < n; i++) {
                Entry e = popOne(z, a.min());
                c.array(2);
                c.bulk(e.member());
                c.doubleBulk(e.score());
            }
            db.deleteIfEmpty(k, z);
            db.watches().touched(k);
            return true;
        }
        return false;
    }

    private static void zrandmember(Call c) {
        ZSetValue z = c.db().getZSet(c.arg(1));
        if (c.argc() == 2) {
            if (z == null) {
                c.nullBulk();
                return;
            }
            List<Entry> all = z.toList();
            c.bulk(RandomPick.pick(all, 1).get(0).member());
            return;
        }
        long count = c.argLong(2);
        boolean withScores = false;
        if (c.argc() == 4 && c.argIs(3, "withscores")) {
            withScores = true;
        } else if (c.argc() > 3) {
            throw new CommandException(Errors.SYNTAX);
        }
        if (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2) {
            throw new CommandException("ERR value is out of range");
        }
        if (z == null || count == 0) {
            c.array(0);
            return;
        }
        List<Entry> picked = RandomPick.pick(z.toList(), count);
        c.array(picked.size() * (withScores ? 2 : 1));
        for (Entry e : picked) {
            c.bulk(e.member());
            if (withScores) {
                c.doubleBulk(e.score());
            }
        }
    }
}
