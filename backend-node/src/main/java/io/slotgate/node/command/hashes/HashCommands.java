package io.slotgate.node.command.hashes;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CollectionScan;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.store.Bytes;
import io.slotgate.node.store.HashValue;
import io.slotgate.node.store.Numbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.slotgate.node.command.CommandEntry.F_WRITE;

/** The hash commands of Redis 7.0. */
public final class HashCommands {

    private HashCommands() {
    }

    public static void register(CommandRegistry r) {
        KeySpec one = KeySpec.range(1, 1, 1);
        r.add("hset", -4, F_WRITE, one, c -> c.integer(hset(c, "hset")));
        r.add("hmset", -4, F_WRITE, one, c -> {
            hset(c, "hmset");
            c.ok();
        });
        r.add("hsetnx", 4, F_WRITE, one, c -> {
            HashValue h = c.db().getOrCreateHash(c.arg(1));
            Bytes f = c.argKey(2);
            if (h.containsKey(f)) {
                c.integer(0);
            } else {
                h.put(f, c.arg(3));
                c.integer(1);
            }
        });
        r.add("hget", 3, 0, one, c -> {
            HashValue h = c.db().getHash(c.arg(1));
            c.bulk(h == null ? null : h.get(c.argKey(2)));
        });
        r.add("hmget", -3, 0, one, c -> {
            HashValue h = c.db().getHash(c.arg(1));
            c.array(c.argc() - 2);
            for (int i = 2; i < c.argc(); i++) {
                c.bulk(h == null ? null : h.get(c.argKey(i)));
            }
        });
        r.add("hdel", -3, F_WRITE, one, c -> {
            byte[] k = c.arg(1);
            HashValue h = c.db().getHash(k);
            long n = 0;
            if (h != null) {
                for (int i = 2; i < c.argc(); i++) {
                    if (h.remove(c.argKey(i)) != null) {
                        n++;
                    }
                }
                c.db().deleteIfEmpty(k, h);
            }
            c.integer(n);
        });
        r.add("hlen", 2, 0, one, c -> {
            HashValue h = c.db().getHash(c.arg(1));
            c.integer(h == null ? 0 : h.size());
        });
        r.add("hstrlen", 3, 0, one, c -> {
            HashValue h = c.db().getHash(c.arg(1));
            byte[] v = h == null ? null : h.get(c.argKey(2));
            c.integer(v == null ? 0 : v.length);
        });
        r.add("hexists", 3, 0, one, c -> {
            HashValue h = c.db().getHash(c.arg(1));
            c.integer(h != null && h.containsKey(c.argKey(2)) ? 1 : 0);
        });
        r.add("hkeys", 2, 0, one, c -> {
            HashValue h = c.db().getHash(c.arg(1));
            c.array(h == null ? 0 : h.size());
            if (h != null) {
                h.keySet().forEach(c::bulk);
            }
        });
        r.add("hvals", 2, 0, one, c -> {
            HashValue h = c.db().getHash(c.arg(1));
            c.array(h == null ? 0 : h.size());
            if (h != null) {
                h.values().forEach(c::bulk);
            }
        });
        r.add("hgetall", 2, 0, one, c -> {
            HashValue h = c.db().getHash(c.arg(1));
            c.array(h == null ? 0 : h.size() * 2);
            if (h != null) {
                h.forEach((f, v) -> {
                    c.bulk(f);
                    c.bulk(v);
                });
            }
        });
        r.add("hincrby", 4, F_WRITE, one, HashCommands::hincrby);
        r.add("hincrbyfloat", 4, F_WRITE, one, HashCommands::hincrbyfloat);
        r.add("hrandfield", -2, 0, one, HashCommands::hrandfield);
        r.add("hscan", -3, 0, one, c -> {
            CollectionScan.Options o = CollectionScan.parse(c, 2);
            HashValue h = c.db().getHash(c.arg(1));
            if (h == null) {
                CollectionScan.empty(c);
                return;
            }
            CollectionScan.reply(c, o, new ArrayList<>(h.entrySet()),
                    e -> List.of(e.getKey().bytes(), e.getValue()));
        });
    }

    private static long hset(Call c, String name) {
        if (c.argc() % 2 != 0) {
            throw new CommandException(Errors.wrongArity(name));
        }
        HashValue h = c.db().getOrCreateHash(c.arg(1));
        long added = 0;
        for (int i = 2; i < c.argc(); i += 2) {
            if (h.put(c.argKey(i), c.arg(i + 1)) == null) {
                added++;
            }
        }
        return added;
    }

    private static void hincrby(Call c) {
        long by = c.argLong(3);
        byte[] k = c.arg(1);
        HashValue h = c.db().getHash(k);
        Bytes f = c.argKey(2);
        long value = 0;
        if (h != null && h.get(f) != null) {
            Long parsed = Numbers.parseLong(h.get(f));
            if (parsed == null) {
                throw new CommandException("ERR hash value is not an integer");
            }
            value = parsed;
        }
        if ((by < 0 && value < 0 && by < Long.MIN_VALUE - value)
                || (by > 0 && value > 0 && by > Long.MAX_VALUE - value)) {
            throw new CommandException(Errors.OVERFLOW);
        }
        value += by;
        c.db().getOrCreateHash(k).put(f, Numbers.format(value));
        c.integer(value);
    }

    private static void hincrbyfloat(Call c) {
        Double incr = Numbers.parseDouble(c.arg(3));
        if (incr == null) {
            throw new CommandException(Errors.NOT_FLOAT);
        }
        byte[] k = c.arg(1);
        HashValue h = c.db().getHash(k);
        Bytes f = c.argKey(2);
        BigDecimal base = BigDecimal.ZERO;
        if (h != null && h.get(f) != null) {
            Double d = Numbers.parseDouble(h.get(f));
            if (d == null || d.isInfinite()) {
                throw new CommandException("ERR hash value is not a float");
            }
            base = new BigDecimal(new String(h.get(f), java.nio.charset.StandardCharsets.US_ASCII));
        }
        if (incr.isInfinite()) {
            throw new CommandException("ERR value is NaN or Infinity");
        }
        byte[] result = Numbers.addFloats(base, new BigDecimal(c.argString(3)));
        c.db().getOrCreateHash(k).put(f, result);
        c.bulk(result);
    }

    private static void hrandfield(Call c) {
        HashValue h = c.db().getHash(c.arg(1));
        if (c.argc() == 2) {
            if (h == null) {
                c.nullBulk();
                return;
            }
            List<Bytes> keys = new ArrayList<>(h.keySet());
            c.bulk(keys.get(ThreadLocalRandom.current().nextInt(keys.size())));
            return;
        }
        long count = c.argLong(2);
        boolean withValues = false;
        if (c.argc() == 4 && c.argIs(3, "withvalues")) {
            withValues = true;
        } else if (c.argc() > 3) {
            throw new CommandException(Errors.SYNTAX);
        }
        if (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2) {
            throw new CommandException("ERR value is out of range");
        }
        if (h == null || count == 0) {
            c.array(0);
            return;
        }
        List<Map.Entry<Bytes, byte[]>> entries = new ArrayList<>(h.entrySet());
        List<Map.Entry<Bytes, byte[]>> picked = RandomPick.pick(entries, count);
        c.array(picked.size() * (withValues ? 2 : 1));
        for (Map.Entry<Bytes, byte[]> e : picked) {
            c.bulk(e.getKey());
            if (withValues) {
                c.bulk(e.getValue());
            }
        }
    }
}
