package io.slotgate.node.command.zsets;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.store.Numbers;
import io.slotgate.node.store.ZSetValue;
import io.slotgate.node.store.ZSetValue.Entry;

import java.util.List;

import static io.slotgate.node.command.CommandEntry.F_WRITE;

/** ZRANGE (all forms), the legacy ZRANGEBY* / ZREV* commands, ZRANGESTORE and ZREMRANGEBY*. */
final class ZRangeCommands {

    private ZRangeCommands() {
    }

    private enum By { RANK, SCORE, LEX }

    static void register(CommandRegistry r) {
        KeySpec one = KeySpec.range(1, 1, 1);
        r.add("zrange", -4, 0, one, c -> zrange(c, 1, By.RANK, false, false));
        r.add("zrangestore", -5, F_WRITE, KeySpec.range(1, 2, 1), c -> zrange(c, 2, By.RANK, false, true));
        r.add("zrevrange", -4, 0, one, c -> legacy(c, By.RANK, true));
        r.add("zrangebyscore", -4, 0, one, c -> legacy(c, By.SCORE, false));
        r.add("zrevrangebyscore", -4, 0, one, c -> legacy(c, By.SCORE, true));
        r.add("zrangebylex", -4, 0, one, c -> legacy(c, By.LEX, false));
        r.add("zrevrangebylex", -4, 0, one, c -> legacy(c, By.LEX, true));
        r.add("zremrangebyrank", 4, F_WRITE, one, c -> remrange(c, By.RANK));
        r.add("zremrangebyscore", 4, F_WRITE, one, c -> remrange(c, By.SCORE));
        r.add("zremrangebylex", 4, F_WRITE, one, c -> remrange(c, By.LEX));
    }

    /** The pre-6.2 commands: fixed direction and type; options WITHSCORES and LIMIT only. */
    private static void legacy(Call c, By by, boolean reverse) {
        boolean withScores = false;
        long offset = 0;
        long limit = -1;
        for (int i = 4; i < c.argc(); i++) {
            if (c.argIs(i, "withscores")) {
                if (by == By.LEX) {
                    throw new CommandException(
                            "ERR syntax error, WITHSCORES not supported in combination with BYLEX");
                }
                withScores = true;
            } else if (c.argIs(i, "limit") && i + 2 < c.argc()) {
                if (by == By.RANK) {
                    throw new CommandException("ERR syntax error, LIMIT is only supported in combination with "
                            + "either BYSCORE or BYLEX");
                }
                offset = c.argLong(i + 1);
                limit = c.argLong(i + 2);
                i += 2;
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        // ZREV* take (max, min).
        byte[] first = c.arg(reverse && by != By.RANK ? 3 : 2);
        byte[] second = c.arg(reverse && by != By.RANK ? 2 : 3);
        List<Entry> out = select(c, c.db().getZSet(c.arg(1)), by, first, second, reverse, offset, limit);
        reply(c, out, withScores);
    }

    private static void zrange(Call c, int srcArg, By by, boolean reverse, boolean store) {
        int minArg = srcArg + 1;
        boolean withScores = false;
        boolean limitGiven = false;
        long offset = 0;
        long limit = -1;
        for (int i = srcArg + 3; i < c.argc(); i++) {
            if (c.argIs(i, "byscore") && by == By.RANK) {
                by = By.SCORE;
            } else if (c.argIs(i, "bylex") && by == By.RANK) {
                by = By.LEX;
            } else if (c.argIs(i, "rev")) {
                reverse = true;
            } else if (c.argIs(i, "withscores") && !store) {
                withScores = true;
            } else if (c.argIs(i, "limit") && i + 2 < c.argc()) {
                offset = c.argLong(i + 1);
                limit = c.argLong(i + 2);
                limitGiven = true;
                i += 2;
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        if (limitGiven && by == By.RANK) {
            throw new CommandException(
                    "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
        }
        if (withScores && by == By.LEX) {
            throw new CommandException("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
        }
        byte[] first = c.arg(reverse && by != By.RANK ? minArg + 1 : minArg);
        byte[] second = c.arg(reverse && by != By.RANK ? minArg : minArg + 1);
        ZSetValue src = c.db().getZSet(c.arg(srcArg));
        List<Entry> out = select(c, src, by, first, second, reverse, offset, limit);
        if (store) {
            byte[] dst = c.arg(1);
            if (out.isEmpty()) {
                c.db().delete(dst);
            } else {
                ZSetValue z = new ZSetValue();
                out.forEach(e -> z.put(e.member(), e.score()));
                c.db().set(dst, z);
            }
            c.integer(out.size());
            return;
        }
        reply(c, out, withScores);
    }

    private static List<Entry> select(Call c, ZSetValue z, By by, byte[] a, byte[] b, boolean reverse,
                                      long offset, long limit) {
        switch (by) {
            case RANK -> {
                Long start = Numbers.parseLong(a);
                Long stop = Numbers.parseLong(b);
                if (start == null || stop == null) {
                    throw new CommandException(Errors.NOT_INTEGER);
                }
                return z == null ? List.of() : ZRange.byRank(z, start, stop, reverse);
            }
            case SCORE -> {
                ZRange.Score r = ZRange.parseScore(a, b);
                return z == null ? List.of() : ZRange.byScore(z, r, reverse, offset, limit);
            }
            default -> {
                ZRange.Lex r = ZRange.parseLex(a, b);
                return z == null ? List.of() : ZRange.byLex(z, r, reverse, offset, limit);
            }
        }
    }

    static void reply(Call c, List<Entry> out, boolean withScores) {
        c.array(out.size() * (withScores ? 2 : 1));
        for (Entry e : out) {
            c.bulk(e.member());
            if (withScores) {
                c.doubleBulk(e.score());
            }
        }
    }

    private static void remrange(Call c, By by) {
        byte[] k = c.arg(1);
        List<Entry> victims;
        if (by == By.RANK) {
            long start = c.argLong(2);
            long stop = c.argLong(3);
            ZSetValue z = c.db().getZSet(k);
            victims = z == null ? List.of() : ZRange.byRank(z, start, stop, false);
        } else {
            victims = select(c, c.db().getZSet(k), by, c.arg(2), c.arg(3), false, 0, -1);
        }
        ZSetValue z = c.db().getZSet(k);
        if (z != null) {
            victims.forEach(e -> z.remove(e.member()));
            c.db().deleteIfEmpty(k, z);
        }
        c.integer(victims.size());
    }
}
