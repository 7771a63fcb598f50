package io.slotgate.node.command.sets;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CollectionScan;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.command.hashes.RandomPick;
import io.slotgate.node.store.Bytes;
import io.slotgate.node.store.Partition;
import io.slotgate.node.store.SetValue;

import java.util.ArrayList;
import java.util.List;

import static io.slotgate.node.command.CommandEntry.F_WRITE;

/** The set commands of Redis 7.0. */
public final class SetCommands {

    private SetCommands() {
    }

    public static void register(CommandRegistry r) {
        KeySpec one = KeySpec.range(1, 1, 1);
        KeySpec all = KeySpec.range(1, -1, 1);
        r.add("sadd", -3, F_WRITE, one, c -> {
            SetValue s = c.db().getOrCreateSet(c.arg(1));
            long n = 0;
            for (int i = 2; i < c.argc(); i++) {
                if (s.add(c.argKey(i))) {
                    n++;
                }
            }
            c.integer(n);
        });
        r.add("srem", -3, F_WRITE, one, c -> {
            byte[] k = c.arg(1);
            SetValue s = c.db().getSet(k);
            long n = 0;
            if (s != null) {
                for (int i = 2; i < c.argc(); i++) {
                    if (s.remove(c.argKey(i))) {
                        n++;
                    }
                }
                c.db().deleteIfEmpty(k, s);
            }
            c.integer(n);
        });
        r.add("smembers", 2, 0, one, c -> members(c, c.db().getSet(c.arg(1))));
        r.add("sismember", 3, 0, one, c -> {
            SetValue s = c.db().getSet(c.arg(1));
            c.integer(s != null && s.contains(c.argKey(2)) ? 1 : 0);
        });
        r.add("smismember", -3, 0, one, c -> {
            SetValue s = c.db().getSet(c.arg(1));
            c.array(c.argc() - 2);
            for (int i = 2; i < c.argc(); i++) {
                c.integer(s != null && s.contains(c.argKey(i)) ? 1 : 0);
            }
        });
        r.add("scard", 2, 0, one, c -> {
            SetValue s = c.db().getSet(c.arg(1));
            c.integer(s == null ? 0 : s.size());
        });
        r.add("spop", -2, F_WRITE, one, SetCommands::spop);
        r.add("srandmember", -2, 0, one, SetCommands::srandmember);
        r.add("smove", 4, F_WRITE, KeySpec.range(1, 2, 1), SetCommands::smove);
        r.add("sinter", -2, 0, all, c -> members(c, inter(c.db(), c, 1, c.argc())));
        r.add("sunion", -2, 0, all, c -> members(c, union(c.db(), c, 1, c.argc())));
        r.add("sdiff", -2, 0, all, c -> members(c, diff(c.db(), c, 1, c.argc())));
        r.add("sinterstore", -3, F_WRITE, all, c -> store(c, inter(c.db(), c, 2, c.argc())));
        r.add("sunionstore", -3, F_WRITE, all, c -> store(c, union(c.db(), c, 2, c.argc())));
        r.add("sdiffstore", -3, F_WRITE, all, c -> store(c, diff(c.db(), c, 2, c.argc())));
        r.add("sintercard", -3, 0, KeySpec.numkeys(1), SetCommands::sintercard);
        r.add("sscan", -3, 0, one, c -> {
            CollectionScan.Options o = CollectionScan.parse(c, 2);
            SetValue s = c.db().getSet(c.arg(1));
            if (s == null) {
                CollectionScan.empty(c);
                return;
            }
            CollectionScan.reply(c, o, new ArrayList<>(s.members()), m -> List.of(m.bytes()));
        });
    }

    private static void members(Call c, SetValue s) {
        if (s == null) {
            c.array(0);
            return;
        }
        c.array(s.size());
        for (Bytes m : s.members()) {
            c.bulk(m);
        }
    }

    private static void store(Call c, SetValue result) {
        byte[] dest = c.arg(1);
        if (result == null || result.isEmpty()) {
            c.db().delete(dest);
            c.integer(0);
        } else {
            c.db().set(dest, result);
            c.integer(result.size());
        }
    }

    /** All named sets are type-checked first (WRONGTYPE wins over an empty result, as in Redis). */
    private static List<SetValue> sets(Partition db, Call c, int from, int to) {
        List<SetValue> sets = new ArrayList<>();
        for (int i = from; i < to; i++) {
            sets.add(db.getSet(c.arg(i)));
        }
        return sets;
    }

    static SetValue inter(Partition db, Call c, int from, int to) {
        List<SetValue> sets = sets(db, c, from, to);
        SetValue smallest = null;
        for (SetValue s : sets) {
            if (s == null) {
                return new SetValue();
            }
            if (smallest == null || s.size() < smallest.size()) {
                smallest = s;
            }
        }
        SetValue out = new SetValue();
        for (Bytes m : smallest.members()) {
            boolean inAll = true;
            for (SetValue s : sets) {
                if (s != smallest && !s.contains(m)) {
                    inAll = false;
                    break;
                }
            }
            if (inAll) {
                out.add(m);
            }
        }
        return out;
    }

    private static SetValue union(Partition db, Call c, int from, int to) {
        SetValue out = new SetValue();
        for (SetValue s : sets(db, c, from, to)) {
            if (s != null) {
                s.members().forEach(out::add);
            }
        }
        return out;
    }

    private static SetValue diff(Partition db, Call c, int from, int to) {
        List<SetValue> sets = sets(db, c, from, to);
        SetValue out = new SetValue();
        if (sets.get(0) == null) {
            return out;
        }
        for (Bytes m : sets.get(0).members()) {
            boolean elsewhere = false;
            for (int i = 1; i < sets.size(); i++) {
                if (sets.get(i) != null && sets.get(i).contains(m)) {
                    elsewhere = true;
                    break;
                }
            }
            if (!elsewhere) {
                out.add(m);
            }
        }
        return out;
    }

    private static void sintercard(Call c) {
        long numkeys = c.argLong(1, "ERR numkeys should be greater than 0");
        if (numkeys <= 0) {
            throw new CommandException("ERR numkeys should be greater than 0");
        }
        if (numkeys > c.argc() - 2) {
            throw new CommandException("ERR Number of keys can't be greater than number of args");
        }
        long limit = 0;
        int i = 2 + (int) numkeys;
        while (i < c.argc()) {
            if (c.argIs(i, "limit") && i + 1 < c.argc()) {
                limit = c.argLong(i + 1);
                if (limit < 0) {
                    throw new CommandException("ERR LIMIT can't be negative");
                }
                i += 2;
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        long n = inter(c.db(), c, 2, 2 + (int) numkeys).size();
        c.integer(limit > 0 ? Math.min(limit, n) : n);
    }

    private static void spop(Call c) {
        byte[] k = c.arg(1);
        if (c.argc() > 3) {
            throw new CommandException(Errors.SYNTAX);
        }
        if (c.argc() == 2) {
            SetValue s = c.db().getSet(k);
            if (s == null) {
                c.nullBulk();
                return;
            }
            Bytes m = s.random();
            s.remove(m);
            c.db().deleteIfEmpty(k, s);
            c.bulk(m);
            return;
        }
        long count = c.argLong(2, Errors.NOT_POSITIVE);
        if (count < 0) {
            throw new CommandException(Errors.NOT_POSITIVE);
        }
        SetValue s = c.db().getSet(k);
        if (s == null || count == 0) {
            c.array(0);
            return;
        }
        List<Bytes> popped = new ArrayList<>();
        while (popped.size() < count && !s.isEmpty()) {
            Bytes m = s.random();
            s.remove(m);
            popped.add(m);
        }
        c.db().deleteIfEmpty(k, s);
        c.array(popped.size());
        popped.forEach(c::bulk);
    }

    private static void srandmember(Call c) {
        if (c.argc() > 3) {
            throw new CommandException(Errors.SYNTAX);
        }
        SetValue s = c.db().getSet(c.arg(1));
        if (c.argc() == 2) {
            c.bulk(s == null ? null : s.random());
            return;
        }
        long count = c.argLong(2);
        if (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2) {
            throw new CommandException("ERR value is out of range");
        }
        if (s == null || count == 0) {
            c.array(0);
            return;
        }
        List<Bytes> picked = RandomPick.pick(s.members(), count);
        c.array(picked.size());
        picked.forEach(c::bulk);
    }

    private static void smove(Call c) {
        byte[] src = c.arg(1);
        byte[] dst = c.arg(2);
        Bytes m = c.argKey(3);
        SetValue from = c.db().getSet(src);
        SetValue to = c.db().getSet(dst);
        if (from == null || !from.contains(m)) {
            c.integer(0);
            return;
        }
        if (from == to) {
            c.integer(1);
            return;
        }
        from.remove(m);
        c.db().deleteIfEmpty(src, from);
        c.db().getOrCreateSet(dst).add(m);
        c.integer(1);
    }
}
