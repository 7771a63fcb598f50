package io.slotgate.node.command.zsets;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CollectionScan;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.store.Bytes;
import io.slotgate.node.store.Numbers;
import io.slotgate.node.store.ZSetValue;

import java.util.ArrayList;
import java.util.List;

import static io.slotgate.node.command.CommandEntry.F_WRITE;

/** ZADD, ZINCRBY, ZSCORE, ZMSCORE, ZCARD, ZCOUNT, ZLEXCOUNT, ZRANK, ZREVRANK, ZREM, ZSCAN; others elsewhere. */
public final class ZSetCommands {

    private ZSetCommands() {
    }

    public static void register(CommandRegistry r) {
        KeySpec one = KeySpec.range(1, 1, 1);
        r.add("zadd", -4, F_WRITE, one, ZSetCommands::zadd);
        r.add("zincrby", 4, F_WRITE, one, c -> {
            double by = c.argDouble(2);
            ZSetValue z = c.db().getOrCreateZSet(c.arg(1));
            Bytes m = c.argKey(3);
            Double old = z.score(m);
            double score = (old == null ? 0 : old) + by;
            if (Double.isNaN(score)) {
                c.db().deleteIfEmpty(c.arg(1), z);
                throw new CommandException("ERR resulting score is not a number (NaN)");
            }
            z.put(m, score);
            c.doubleBulk(score);
        });
        r.add("zscore", 3, 0, one, c -> {
            ZSetValue z = c.db().getZSet(c.arg(1));
            Double s = z == null ? null : z.score(c.argKey(2));
            if (s == null) {
                c.nullBulk();
            } else {
                c.doubleBulk(s);
            }
        });
        r.add("zmscore", -3, 0, one, c -> {
            ZSetValue z = c.db().getZSet(c.arg(1));
            c.array(c.argc() - 2);
            for (int i = 2; i < c.argc(); i++) {
                Double s = z == null ? null : z.score(c.argKey(i));
                if (s == null) {
                    c.nullBulk();
                } else {
                    c.doubleBulk(s);
                }
            }
        });
        r.add("zcard", 2, 0, one, c -> {
            ZSetValue z = c.db().getZSet(c.arg(1));
            c.integer(z == null ? 0 : z.size());
        });
        r.add("zcount", 4, 0, one, c -> {
            ZRange.Score range = ZRange.parseScore(c.arg(2), c.arg(3));
            ZSetValue z = c.db().getZSet(c.arg(1));
            c.integer(z == null ? 0 : ZRange.byScore(z, range, false, 0, -1).size());
        });
        r.add("zlexcount", 4, 0, one, c -> {
            ZRange.Lex range = ZRange.parseLex(c.arg(2), c.arg(3));
            ZSetValue z = c.db().getZSet(c.arg(1));
            c.integer(z == null ? 0 : ZRange.byLex(z, range, false, 0, -1).size());
        });
        r.add("zrank", 3, 0, one, c -> rank(c, false));
        r.add("zrevrank", 3, 0, one, c -> rank(c, true));
        r.add("zrem", -3, F_WRITE, one, c -> {
            byte[] k = c.arg(1);
            ZSetValue z = c.db().getZSet(k);
            long n = 0;
            if (z != null) {
                for (int i = 2; i < c.argc(); i++) {
                    if (z.remove(c.argKey(i))) {
                        n++;
                    }
                }
                c.db().deleteIfEmpty(k, z);
            }
            c.integer(n);
        });
        r.add("zscan", -3, 0, one, c -> {
            CollectionScan.Options o = CollectionScan.parse(c, 2);
            ZSetValue z = c.db().getZSet(c.arg(1));
            if (z == null) {
                CollectionScan.empty(c);
                return;
            }
            CollectionScan.reply(c, o, z.toList(),
                    e -> List.of(e.member().bytes(), Numbers.formatStored(e.score()).getBytes()));
        });
        ZRangeCommands.register(r);
        ZSetAlgebraCommands.register(r);
        ZPopCommands.register(r);
    }

    private static void rank(Call c, boolean reverse) {
        ZSetValue z = c.db().getZSet(c.arg(1));
        long r = z == null ? -1 : z.rank(c.argKey(2));
        if (r < 0) {
            c.nullBulk();
        } else {
            c.integer(reverse ? z.size() - 1 - r : r);
        }
    }

    /** ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...] (Redis 7.0). */
    private static void zadd(Call c) {
        boolean nx = false;
        boolean xx = false;
        boolean gt = false;
        boolean lt = false;
        boolean ch = false;
        boolean incr = false;
        int i = 2;
        for (; i < c.argc(); i++) {
            if (c.argIs(i, "nx")) {
                nx = true;
            } else if (c.argIs(i, "xx")) {
                xx = true;
            } else if (c.argIs(i, "gt")) {
                gt = true;
            } else if (c.argIs(i, "lt")) {
                lt = true;
            } else if (c.argIs(i, "ch")) {
                ch = true;
            } else if (c.argIs(i, "incr")) {
                incr = true;
            } else {
                break;
            }
        }
        int pairs = c.argc() - i;
        if (pairs % 2 != 0 || pairs == 0) {
            throw new CommandException(Errors.SYNTAX);
        }
        if (nx && xx) {
            throw new CommandException("ERR XX and NX options at the same time are not compatible");
        }
        if (gt && nx || lt && nx || gt && lt) {
            throw new CommandException("ERR GT, LT, and/or NX options at the same time are not compatible");
        }
        if (incr && pairs > 2) {
            throw new CommandException("ERR INCR option supports a single increment-element pair");
        }
        double[] scores = new double[pairs / 2];
        for (int p = 0; p < scores.length; p++) {
            scores[p] = c.argDouble(i + 2 * p);
        }
        byte[] k = c.arg(1);
        ZSetValue z = c.db().getZSet(k);
        if (z == null) {
            if (xx) {
                if (incr) {
                    c.nullBulk();
                } else {
                    c.integer(0);
                }
                return;
            }
            z = c.db().getOrCreateZSet(k);
        }
        long added = 0;
        long changed = 0;
        double last = Double.NaN;
        boolean aborted = false;
        for (int p = 0; p < scores.length; p++) {
            Bytes m = c.argKey(i + 2 * p + 1);
            double score = scores[p];
            Double old = z.score(m);
            if (old == null) {
                if (xx) {
                    aborted = true;
                    continue;
                }
                z.put(m, score);
                added++;
                last = score;
            } else {
                if (nx) {
                    aborted = true;
                    continue;
                }
                if (incr) {
                    score = old + score;
                    if (Double.isNaN(score)) {
                        c.db().deleteIfEmpty(k, z);
                        throw new CommandException("ERR resulting score is not a number (NaN)");
                    }
                }
                if (gt && score <= old || lt && score >= old) {
                    aborted = true;
                    continue;
                }
                if (score != old) {
                    z.put(m, score);
                    changed++;
                }
                last = score;
            }
        }
        c.db().deleteIfEmpty(k, z);
        if (incr) {
            if (aborted) {
                c.nullBulk();
            } else {
                c.doubleBulk(last);
            }
        } else {
            c.integer(ch ? added + changed : added);
        }
    }
}
