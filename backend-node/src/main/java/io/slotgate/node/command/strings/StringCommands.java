package io.slotgate.node.command.strings;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.store.Numbers;
import io.slotgate.node.store.Partition;

import java.math.BigDecimal;

import static io.slotgate.node.command.CommandEntry.F_WRITE;

/** GET/SET and the other string commands of Redis 7.0 (bit commands live in {@link BitCommands}). */
public final class StringCommands {

    /** Redis's proto-max-bulk-len default, the largest string SETRANGE/APPEND may build. */
    static final long MAX_STRING = 512L * 1024 * 1024;

    private StringCommands() {
    }

    public static void register(CommandRegistry r) {
        KeySpec one = KeySpec.range(1, 1, 1);
        r.add("get", 2, 0, one, c -> c.bulk(c.db().getString(c.arg(1))));
        r.add("set", -3, F_WRITE, one, StringCommands::set);
        r.add("setnx", 3, F_WRITE, one, c -> {
            byte[] k = c.arg(1);
            if (c.db().exists(k)) {
                c.integer(0);
            } else {
                c.db().set(k, c.arg(2));
                c.integer(1);
            }
        });
        r.add("setex", 4, F_WRITE, one, c -> setWithTtl(c, 1000, "setex"));
        r.add("psetex", 4, F_WRITE, one, c -> setWithTtl(c, 1, "psetex"));
        r.add("mget", -2, 0, KeySpec.range(1, -1, 1), c -> {
            c.array(c.argc() - 1);
            for (int i = 1; i < c.argc(); i++) {
                Object v = c.db().lookupRead(c.arg(i));
                c.bulk(v instanceof byte[] b ? b : null);
            }
        });
        r.add("mset", -3, F_WRITE, KeySpec.range(1, -1, 2), c -> {
            if (c.argc() % 2 == 0) {
                throw new CommandException(Errors.wrongArity("mset"));
            }
            for (int i = 1; i < c.argc(); i += 2) {
                c.db().set(c.arg(i), c.arg(i + 1));
            }
            c.ok();
        });
        r.add("msetnx", -3, F_WRITE, KeySpec.range(1, -1, 2), c -> {
            if (c.argc() % 2 == 0) {
                throw new CommandException(Errors.wrongArity("msetnx"));
            }
            for (int i = 1; i < c.argc(); i += 2) {
                if (c.db().exists(c.arg(i))) {
                    c.integer(0);
                    return;
                }
            }
            for (int i = 1; i < c.argc(); i += 2) {
                c.db().set(c.arg(i), c.arg(i + 1));
            }
            c.integer(1);
        });
        r.add("getset", 3, F_WRITE, one, c -> {
            byte[] old = c.db().getString(c.arg(1));
            c.db().set(c.arg(1), c.arg(2));
            c.bulk(old);
        });
        r.add("getdel", 2, F_WRITE, one, c -> {
            byte[] old = c.db().getString(c.arg(1));
            if (old != null) {
                c.db().delete(c.arg(1));
            }
            c.bulk(old);
        });
        r.add("getex", -2, F_WRITE, one, StringCommands::getex);
        r.add("append", 3, F_WRITE, one, c -> {
            byte[] k = c.arg(1);
            byte[] old = c.db().getString(k);
            byte[] add = c.arg(2);
            if (old == null) {
                c.db().set(k, add);
                c.integer(add.length);
                return;
            }
            checkSize((long) old.length + add.length);
            byte[] v = new byte[old.length + add.length];
            System.arraycopy(old, 0, v, 0, old.length);
            System.arraycopy(add, 0, v, old.length, add.length);
            c.db().replaceKeepTtl(k, v);
            c.integer(v.length);
        });
        r.add("strlen", 2, 0, one, c -> {
            byte[] v = c.db().getString(c.arg(1));
            c.integer(v == null ? 0 : v.length);
        });
        r.add("getrange", 4, 0, one, StringCommands::getrange);
        r.add("substr", 4, 0, one, StringCommands::getrange);
        r.add("setrange", 4, F_WRITE, one, StringCommands::setrange);
        r.add("incr", 2, F_WRITE, one, c -> incrBy(c, 1));
        r.add("decr", 2, F_WRITE, one, c -> incrBy(c, -1));
        r.add("incrby", 3, F_WRITE, one, c -> incrBy(c, c.argLong(2)));
        r.add("decrby", 3, F_WRITE, one, c -> {
            long by = c.argLong(2);
            if (by == Long.MIN_VALUE) {
                throw new CommandException("ERR decrement would overflow");
            }
            incrBy(c, -by);
        });
        r.add("incrbyfloat", 3, F_WRITE, one, StringCommands::incrByFloat);
        r.add("lcs", -3, 0, KeySpec.range(1, 2, 1), LcsCommand::lcs);
        BitCommands.register(r);
    }

    static void checkSize(long size) {
        if (size > MAX_STRING) {
            throw new CommandException("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
        }
    }

    /** SET key value [NX|XX] [GET] [EX|PX|EXAT|PXAT t | KEEPTTL] (Redis 7.0). */
    private static void set(Call c) {
        if (c.argc() == 3) {
            c.db().set(c.arg(1), c.arg(2)); // the common case: one table probe
            c.ok();
            return;
        }
        boolean nx = false;
        boolean xx = false;
        boolean get = false;
        boolean keepTtl = false;
        long expireAt = -1;
        String unit = null;
        for (int i = 3; i < c.argc(); i++) {
            boolean hasNext = i + 1 < c.argc();
            if (c.argIs(i, "nx") && !xx) {
                nx = true;
            } else if (c.argIs(i, "xx") && !nx) {
                xx = true;
            } else if (c.argIs(i, "get")) {
                get = true;
            } else if (c.argIs(i, "keepttl") && unit == null) {
                keepTtl = true;
                unit = "keepttl";
            } else if (hasNext && unit == null && !keepTtl
                    && (c.argIs(i, "ex") || c.argIs(i, "px") || c.argIs(i, "exat") || c.argIs(i, "pxat"))) {
                unit = c.argString(i).toLowerCase(java.util.Locale.ROOT);
                expireAt = Expiry.absoluteMillis(c, i + 1, unit, "set");
                i++;
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        Partition db = c.db();
        byte[] k = c.arg(1);
        byte[] old = null;
        if (get) {
            old = db.getString(k); // WRONGTYPE before anything changes
        }
        boolean exists = get ? old != null || db.exists(k) : db.exists(k);
        if ((nx && exists) || (xx && !exists)) {
            if (get) {
                c.bulk(old);
            } else {
                c.nullBulk();
            }
            return;
        }
        long keptTtl = keepTtl && exists ? db.expireAt(k) : -1;
        db.set(k, c.arg(2));
        if (expireAt >= 0) {
            db.setExpireAt(k, expireAt);
        } else if (keptTtl >= 0) {
            db.setExpireAt(k, keptTtl);
        }
        if (get) {
            c.bulk(old);
        } else {
            c.ok();
        }
    }

    private static void setWithTtl(Call c, long unitMs, String name) {
        long t = c.argLong(2);
        if (t <= 0 || t > Long.MAX_VALUE / unitMs) {
            throw new CommandException("ERR invalid expire time in '" + name + "' command");
        }
        long when = c.db().now() + t * unitMs;
        if (when < 0) {
            throw new CommandException("ERR invalid expire time in '" + name + "' command");
        }
        c.db().set(c.arg(1), c.arg(3));
        c.db().setExpireAt(c.arg(1), when);
        c.ok();
    }

    private static void getex(Call c) {
        long expireAt = -1;
        boolean persist = false;
        if (c.argc() > 2) {
            if (c.argc() == 3 && c.argIs(2, "persist")) {
                persist = true;
            } else if (c.argc() == 4 && (c.argIs(2, "ex") || c.argIs(2, "px") || c.argIs(2, "exat")
                    || c.argIs(2, "pxat"))) {
                expireAt = Expiry.absoluteMillis(c, 3, c.argString(2).toLowerCase(java.util.Locale.ROOT), "getex");
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        byte[] k = c.arg(1);
        byte[] v = c.db().getString(k);
        if (v != null) {
            if (expireAt >= 0) {
                c.db().setExpireAt(k, expireAt);
            } else if (persist) {
                c.db().persist(k);
            }
        }
        c.bulk(v);
    }

    private static void getrange(Call c) {
        long start = c.argLong(2);
        long end = c.argLong(3);
        byte[] v = c.db().getString(c.arg(1));
        if (v == null) {
            c.bulk(new byte[0]);
            return;
        }
        long n = v.length;
        if (start < 0 && end < 0 && start > end) {
            c.bulk(new byte[0]);
            return;
        }
        if (start < 0) {
            start = Math.max(0, n + start);
        }
        if (end < 0) {
            end = Math.max(0, n + end);
        }
        if (end >= n) {
            end = n - 1;
        }
        if (start > end || n == 0) {
            c.bulk(new byte[0]);
            return;
        }
        byte[] out = new byte[(int) (end - start + 1)];
        System.arraycopy(v, (int) start, out, 0, out.length);
        c.bulk(out);
    }

    private static void setrange(Call c) {
        long offset = c.argLong(2);
        if (offset < 0) {
            throw new CommandException("ERR offset is out of range");
        }
        byte[] k = c.arg(1);
        byte[] add = c.arg(3);
        byte[] old = c.db().getString(k);
        if (old == null) {
            if (add.length == 0) {
                c.integer(0);
                return;
            }
            checkSize(offset + add.length);
            byte[] v = new byte[(int) offset + add.length];
            System.arraycopy(add, 0, v, (int) offset, add.length);
            c.db().set(k, v);
            c.integer(v.length);
            return;
        }
        if (add.length == 0) {
            c.integer(old.length);
            return;
        }
        checkSize(offset + add.length);
        int len = (int) Math.max(old.length, offset + add.length);
        byte[] v = java.util.Arrays.copyOf(old, len);
        System.arraycopy(add, 0, v, (int) offset, add.length);
        c.db().replaceKeepTtl(k, v);
        c.integer(v.length);
    }

    private static void incrBy(Call c, long by) {
        byte[] k = c.arg(1);
        byte[] old = c.db().getString(k);
        long value = 0;
        if (old != null) {
            if (!Numbers.isLong(old)) {
                throw new CommandException(Errors.NOT_INTEGER);
            }
            value = Numbers.toLong(old);
        }
        if ((by < 0 && value < 0 && by < Long.MIN_VALUE - value)
                || (by > 0 && value > 0 && by > Long.MAX_VALUE - value)) {
            throw new CommandException(Errors.OVERFLOW);
        }
        value += by;
        if (old == null) {
            c.db().set(k, Numbers.format(value));
        } else {
            c.db().replaceKeepTtl(k, Numbers.format(value));
        }
        c.integer(value);
    }

    private static void incrByFloat(Call c) {
        byte[] k = c.arg(1);
        byte[] old = c.db().getString(k);
        BigDecimal base = BigDecimal.ZERO;
        if (old != null) {
            Double d = Numbers.parseDouble(old);
            if (d == null || d.isInfinite()) {
                throw new CommandException(Errors.NOT_FLOAT);
            }
            base = decimal(old);
        }
        Double incr = Numbers.parseDouble(c.arg(2));
        if (incr == null) {
            throw new CommandException(Errors.NOT_FLOAT);
        }
        if (incr.isInfinite()) {
            throw new CommandException("ERR increment would produce NaN or Infinity");
        }
        byte[] result = Numbers.addFloats(base, decimal(c.arg(2)));
        if (Numbers.parseDouble(result) == null || Numbers.parseDouble(result).isInfinite()) {
            throw new CommandException("ERR increment would produce NaN or Infinity");
        }
        if (old == null) {
            c.db().set(k, result);
        } else {
            c.db().replaceKeepTtl(k, result);
        }
        c.bulk(result);
    }

    private static BigDecimal decimal(byte[] s) {
        try {
            return new BigDecimal(new String(s, java.nio.charset.StandardCharsets.US_ASCII).trim());
        } catch (NumberFormatException e) {
            return new BigDecimal(Numbers.parseDouble(s));
        }
    }
}
