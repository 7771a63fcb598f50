package io.slotgate.node.command.keys;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.store.HashValue;
import io.slotgate.node.store.ListValue;
import io.slotgate.node.store.Numbers;
import io.slotgate.node.store.Partition;
import io.slotgate.node.store.SetValue;
import io.slotgate.node.store.ZSetValue;

import static io.slotgate.node.command.CommandEntry.F_WRITE;

/** Generic key commands on one slot: DEL, EXISTS, TYPE, TTL and EXPIRE families, RENAME, COPY, OBJECT... */
public final class KeyCommands {

    private KeyCommands() {
    }

    public static void register(CommandRegistry r) {
        KeySpec one = KeySpec.range(1, 1, 1);
        KeySpec all = KeySpec.range(1, -1, 1);
        r.add("del", -2, F_WRITE, all, KeyCommands::del);
        r.add("unlink", -2, F_WRITE, all, KeyCommands::del);
        r.add("exists", -2, 0, all, c -> {
            long n = 0;
            for (int i = 1; i < c.argc(); i++) {
                if (c.db().exists(c.arg(i))) {
                    n++;
                }
            }
            c.integer(n);
        });
        r.add("touch", -2, 0, all, c -> {
            long n = 0;
            for (int i = 1; i < c.argc(); i++) {
                if (c.db().exists(c.arg(i))) {
                    n++;
                }
            }
            c.integer(n);
        });
        r.add("type", 2, 0, one, c -> c.simple(typeName(c.db().peek(c.arg(1)))));
        r.add("ttl", 2, 0, one, c -> ttl(c, false));
        r.add("pttl", 2, 0, one, c -> ttl(c, true));
        r.add("expiretime", 2, 0, one, c -> expireTime(c, false));
        r.add("pexpiretime", 2, 0, one, c -> expireTime(c, true));
        r.add("expire", -3, F_WRITE, one, c -> expire(c, 1000, false, "expire"));
        r.add("pexpire", -3, F_WRITE, one, c -> expire(c, 1, false, "pexpire"));
        r.add("expireat", -3, F_WRITE, one, c -> expire(c, 1000, true, "expireat"));
        r.add("pexpireat", -3, F_WRITE, one, c -> expire(c, 1, true, "pexpireat"));
        r.add("persist", 2, F_WRITE, one, c -> {
            byte[] k = c.arg(1);
            c.integer(c.db().exists(k) && c.db().persist(k) ? 1 : 0);
        });
        r.add("rename", 3, F_WRITE, KeySpec.range(1, 2, 1), c -> rename(c, false));
        r.add("renamenx", 3, F_WRITE, KeySpec.range(1, 2, 1), c -> rename(c, true));
        r.add("copy", -3, F_WRITE, KeySpec.range(1, 2, 1), KeyCommands::copy);
        r.add("object", -2, 0, KeySpec.range(2, 2, 1), KeyCommands::object);
        r.add("move", 3, F_WRITE, one, c -> {
            throw new CommandException("ERR MOVE is not allowed in cluster mode");
        });
        r.add("swapdb", 3, F_WRITE, KeySpec.none(), c -> {
            throw new CommandException("ERR SWAPDB is not allowed in cluster mode");
        });
        KeyspaceScanCommands.register(r);
        MigrateCommand.register(r);
    }

    public static String typeName(Object v) {
        if (v == null) {
            return "none";
        }
        if (v instanceof byte[]) {
            return "string";
        }
        if (v instanceof ListValue) {
            return "list";
        }
        if (v instanceof HashValue) {
            return "hash";
        }
        if (v instanceof SetValue) {
            return "set";
        }
        if (v instanceof ZSetValue) {
            return "zset";
        }
        return "none";
    }

    private static void del(Call c) {
        long n = 0;
        for (int i = 1; i < c.argc(); i++) {
            if (c.db().delete(c.arg(i))) {
                n++;
            }
        }
        c.integer(n);
    }

    private static void ttl(Call c, boolean ms) {
        byte[] k = c.arg(1);
        if (c.db().lookupRead(k) == null) {
            c.integer(-2);
            return;
        }
        long at = c.db().expireAt(k);
        if (at < 0) {
            c.integer(-1);
            return;
        }
        long left = Math.max(0, at - c.db().now());
        c.integer(ms ? left : (left + 500) / 1000);
    }

    private static void expireTime(Call c, boolean ms) {
        byte[] k = c.arg(1);
        if (c.db().lookupRead(k) == null) {
            c.integer(-2);
            return;
        }
        long at = c.db().expireAt(k);
        c.integer(at < 0 ? -1 : ms ? at : (at + 500) / 1000);
    }

    /** EXPIRE family with Redis 7.0's NX / XX / GT / LT. */
    private static void expire(Call c, long unitMs, boolean absolute, String name) {
        boolean nx = false;
        boolean xx = false;
        boolean gt = false;
        boolean lt = false;
        for (int i = 3; i < c.argc(); i++) {
            if (c.argIs(i, "nx")) {
                nx = true;
            } else if (c.argIs(i, "xx")) {
                xx = true;
            } else if (c.argIs(i, "gt")) {
                gt = true;
            } else if (c.argIs(i, "lt")) {
                lt = true;
            } else {
                throw new CommandException("ERR Unsupported option " + c.argString(i));
            }
        }
        if (nx && (xx || gt || lt)) {
            throw new CommandException("ERR NX and XX, GT or LT options at the same time are not compatible");
        }
        if (gt && lt) {
            throw new CommandException("ERR GT and LT options at the same time are not compatible");
        }
        long t = c.argLong(2);
        String invalid = "ERR invalid expire time in '" + name + "' command";
        if (unitMs == 1000 && (t > Long.MAX_VALUE / 1000 || t < Long.MIN_VALUE / 1000)) {
            throw new CommandException(invalid);
        }
        long when = t * unitMs;
        Partition db = c.db();
        if (!absolute) {
            long now = db.now();
            if ((when > 0 && when > Long.MAX_VALUE - now)) {
                throw new CommandException(invalid);
            }
            when += now;
        }
        byte[] k = c.arg(1);
        if (!db.exists(k)) {
            c.integer(0);
            return;
        }
        long current = db.expireAt(k);
        if (nx && current >= 0 || xx && current < 0) {
            c.integer(0);
            return;
        }
        if (gt && (current < 0 || when <= current)) {
            c.integer(0);
            return;
        }
        if (lt && current >= 0 && when >= current) {
            c.integer(0);
            return;
        }
        db.setExpireAt(k, when);
        c.integer(1);
    }

    private static void rename(Call c, boolean nx) {
        byte[] src = c.arg(1);
        byte[] dst = c.arg(2);
        Partition db = c.db();
        Object v = db.peek(src);
        if (v == null) {
            throw new CommandException(Errors.NO_SUCH_KEY);
        }
        if (java.util.Arrays.equals(src, dst)) {
            if (nx) {
                c.integer(0);
            } else {
                c.ok();
            }
            return;
        }
        if (nx && db.exists(dst)) {
            c.integer(0);
            return;
        }
        long ttl = db.expireAt(src);
        db.delete(src);
        db.set(dst, v);
        if (ttl >= 0) {
            db.setExpireAt(dst, ttl);
        }
        if (nx) {
            c.integer(1);
        } else {
            c.ok();
        }
    }

    private static void copy(Call c) {
        boolean replace = false;
        for (int i = 3; i < c.argc(); i++) {
            if (c.argIs(i, "replace")) {
                replace = true;
            } else if (c.argIs(i, "db") && i + 1 < c.argc()) {
                long db = c.argLong(++i);
                if (db != 0) {
                    throw new CommandException("ERR Copying to another database is not allowed in cluster mode");
                }
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        byte[] src = c.arg(1);
        byte[] dst = c.arg(2);
        Partition db = c.db();
        Object v = db.peek(src);
        if (java.util.Arrays.equals(src, dst)) {
            throw new CommandException("ERR source and destination objects are the same");
        }
        if (v == null) {
            c.integer(0);
            return;
        }
        if (db.exists(dst)) {
            if (!replace) {
                c.integer(0);
                return;
            }
            db.delete(dst);
        }
        db.set(dst, deepCopy(v));
        long ttl = db.expireAt(src);
        if (ttl >= 0) {
            db.setExpireAt(dst, ttl);
        }
        c.integer(1);
    }

    static Object deepCopy(Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof ListValue l) {
            return l.copy();
        }
        if (v instanceof HashValue h) {
            return h.copy();
        }
        if (v instanceof SetValue s) {
            return s.copy();
        }
        return ((ZSetValue) v).copy();
    }

    private static void object(Call c) {
        if (c.argIs(1, "help")) {
            c.array(2);
            c.simple("OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
            c.simple("ENCODING <key>, FREQ <key>, IDLETIME <key>, REFCOUNT <key>, HELP");
            return;
        }
        if (c.argc() != 3 || c.db() == null) {
            String sub = c.argString(1);
            if (!sub.equalsIgnoreCase("encoding") && !sub.equalsIgnoreCase("freq")
                    && !sub.equalsIgnoreCase("idletime") && !sub.equalsIgnoreCase("refcount")) {
                throw new CommandException(Errors.unknownSubcommand(sub, "OBJECT"));
            }
            throw new CommandException(Errors.wrongArity("object|" + sub.toLowerCase(java.util.Locale.ROOT)));
        }
        Object v = c.db().peek(c.arg(2));
        String sub = c.argString(1).toLowerCase(java.util.Locale.ROOT);
        switch (sub) {
            case "encoding", "freq", "idletime", "refcount" -> {
            }
            default -> throw new CommandException(Errors.unknownSubcommand(c.argString(1), "OBJECT"));
        }
        if (v == null) {
            c.nullBulk();
            return;
        }
        switch (sub) {
            case "encoding" -> c.bulk(encoding(v));
            case "refcount" -> c.integer(v instanceof byte[] b && Numbers.parseLong(b) != null
                    && Numbers.parseLong(b) >= 0 && Numbers.parseLong(b) < 10000 ? Integer.MAX_VALUE : 1);
            case "idletime" -> c.integer(0); // access times are not tracked (no LRU eviction)
            default -> throw new CommandException("ERR An LFU maxmemory policy is not selected, access frequency "
                    + "not tracked. Please note that when switching between policies at runtime LRU and LFU data "
                    + "will take some time to adjust.");
        }
    }

    /** What Redis 7.0 would report for this value with its default size thresholds. */
    public static String encoding(Object v) {
        if (v instanceof byte[] b) {
            if (b.length <= 20 && Numbers.parseLong(b) != null) {
                return "int";
            }
            return b.length <= 44 ? "embstr" : "raw";
        }
        if (v instanceof ListValue) {
            return "quicklist"; // Redis 7.0 reports quicklist for every list (listpack lists came in 7.2)
        }
        if (v instanceof HashValue h) {
            if (h.size() > 128) {
                return "hashtable";
            }
            for (var e : h.entrySet()) {
                if (e.getKey().length() > 64 || e.getValue().length > 64) {
                    return "hashtable";
                }
            }
            return "listpack";
        }
        if (v instanceof SetValue s) {
            return s.size() <= 512 && s.allIntegers() ? "intset" : "hashtable";
        }
        ZSetValue z = (ZSetValue) v;
        if (z.size() > 128) {
            return "skiplist";
        }
        for (ZSetValue.Entry e : z.ascending()) {
            if (e.member().length() > 64) {
                return "skiplist";
            }
        }
        return "listpack";
    }
}
