package io.slotgate.node.command.lists;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.store.ListValue;
import io.slotgate.node.store.Partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.slotgate.node.command.CommandEntry.F_WRITE;

/** The non-blocking list commands of Redis 7.0 (blocking ones are in {@link BlockingListCommands}). */
public final class ListCommands {

    private ListCommands() {
    }

    public static void register(CommandRegistry r) {
        KeySpec one = KeySpec.range(1, 1, 1);
        r.add("lpush", -3, F_WRITE, one, c -> push(c, true, false));
        r.add("rpush", -3, F_WRITE, one, c -> push(c, false, false));
        r.add("lpushx", -3, F_WRITE, one, c -> push(c, true, true));
        r.add("rpushx", -3, F_WRITE, one, c -> push(c, false, true));
        r.add("lpop", -2, F_WRITE, one, c -> pop(c, true));
        r.add("rpop", -2, F_WRITE, one, c -> pop(c, false));
        r.add("llen", 2, 0, one, c -> {
            ListValue l = c.db().getList(c.arg(1));
            c.integer(l == null ? 0 : l.size());
        });
        r.add("lrange", 4, 0, one, ListCommands::lrange);
        r.add("lindex", 3, 0, one, c -> {
            long idx = c.argLong(2);
            ListValue l = c.db().getList(c.arg(1));
            if (l == null) {
                c.nullBulk();
                return;
            }
            if (idx < 0) {
                idx += l.size();
            }
            c.bulk(idx < 0 || idx >= l.size() ? null : l.get((int) idx));
        });
        r.add("lset", 4, F_WRITE, one, c -> {
            long idx = c.argLong(2);
            ListValue l = c.db().getList(c.arg(1));
            if (l == null) {
                throw new CommandException(Errors.NO_SUCH_KEY);
            }
            if (idx < 0) {
                idx += l.size();
            }
            if (idx < 0 || idx >= l.size()) {
                throw new CommandException(Errors.INDEX_OUT_OF_RANGE);
            }
            l.set((int) idx, c.arg(3));
            c.ok();
        });
        r.add("linsert", 5, F_WRITE, one, ListCommands::linsert);
        r.add("lrem", 4, F_WRITE, one, ListCommands::lrem);
        r.add("ltrim", 4, F_WRITE, one, ListCommands::ltrim);
        r.add("lpos", -3, 0, one, ListCommands::lpos);
        r.add("rpoplpush", 3, F_WRITE, KeySpec.range(1, 2, 1), c -> {
            byte[] v = move(c.db(), c.arg(1), c.arg(2), false, true);
            c.bulk(v);
        });
        r.add("lmove", 5, F_WRITE, KeySpec.range(1, 2, 1), c -> {
            boolean fromLeft = side(c, 3);
            boolean toLeft = side(c, 4);
            c.bulk(move(c.db(), c.arg(1), c.arg(2), fromLeft, toLeft));
        });
        r.add("lmpop", -4, F_WRITE, KeySpec.numkeys(1), c -> {
            MpopArgs a = MpopArgs.parse(c, 1, "LEFT", "RIGHT");
            if (!mpop(c, c.db(), a)) {
                c.nullArray();
            }
        });
        BlockingListCommands.register(r);
    }

    static boolean side(Call c, int i) {
        if (c.argIs(i, "left")) {
            return true;
        }
        if (c.argIs(i, "right")) {
            return false;
        }
        throw new CommandException(Errors.SYNTAX);
    }

    private static void push(Call c, boolean left, boolean onlyIfExists) {
        byte[] k = c.arg(1);
        ListValue l = onlyIfExists ? c.db().getList(k) : null;
        if (onlyIfExists && l == null) {
            c.integer(0);
            return;
        }
        if (l == null) {
            l = c.db().getOrCreateList(k);
        }
        for (int i = 2; i < c.argc(); i++) {
            if (left) {
                l.addFirst(c.arg(i));
            } else {
                l.addLast(c.arg(i));
            }
        }
        c.integer(l.size());
    }

    private static void pop(Call c, boolean left) {
        if (c.argc() > 3) {
            throw new CommandException(Errors.wrongArity(left ? "lpop" : "rpop"));
        }
        byte[] k = c.arg(1);
        long count = -1;
        if (c.argc() == 3) {
            count = c.argLong(2, Errors.NOT_POSITIVE);
            if (count < 0) {
                throw new CommandException(Errors.NOT_POSITIVE);
            }
        }
        ListValue l = c.db().getList(k);
        if (l == null) {
            if (count >= 0) {
                c.nullArray();
            } else {
                c.nullBulk();
            }
            return;
        }
        if (count < 0) {
            c.bulk(left ? l.pollFirst() : l.pollLast());
        } else {
            int n = (int) Math.min(count, l.size());
            c.array(n);
            for (int i = 0; i < n; i++) {
                c.bulk(left ? l.pollFirst() : l.pollLast());
            }
        }
        c.db().deleteIfEmpty(k, l);
    }

    private static void lrange(Call c) {
        long start = c.argLong(2);
        long end = c.argLong(3);
        ListValue l = c.db().getList(c.arg(1));
        if (l == null) {
            c.array(0);
            return;
        }
        int n = l.size();
        if (start < 0) {
            start = Math.max(0, n + start);
        }
        if (end < 0) {
            end = n + end;
        }
        if (end >= n) {
            end = n - 1;
        }
        if (start > end || start >= n) {
            c.array(0);
            return;
        }
        c.array((int) (end - start + 1));
        for (long i = start; i <= end; i++) {
            c.bulk(l.get((int) i));
        }
    }

    private static void linsert(Call c) {
        boolean before;
        if (c.argIs(2, "before")) {
            before = true;
        } else if (c.argIs(2, "after")) {
            before = false;
        } else {
            throw new CommandException(Errors.SYNTAX);
        }
        ListValue l = c.db().getList(c.arg(1));
        if (l == null) {
            c.integer(0);
            return;
        }
        byte[] pivot = c.arg(3);
        for (int i = 0; i < l.size(); i++) {
            if (Arrays.equals(l.get(i), pivot)) {
                l.insert(before ? i : i + 1, c.arg(4));
                c.integer(l.size());
                return;
            }
        }
        c.integer(-1);
    }

    private static void lrem(Call c) {
        long count = c.argLong(2);
        byte[] k = c.arg(1);
        ListValue l = c.db().getList(k);
        if (l == null) {
            c.integer(0);
            return;
        }
        byte[] v = c.arg(3);
        long removed = 0;
        if (count >= 0) {
            for (int i = 0; i < l.size() && (count == 0 || removed < count); ) {
                if (Arrays.equals(l.get(i), v)) {
                    l.removeAt(i);
                    removed++;
                } else {
                    i++;
                }
            }
        } else {
            for (int i = l.size() - 1; i >= 0 && removed < -count; i--) {
                if (Arrays.equals(l.get(i), v)) {
                    l.removeAt(i);
                    removed++;
                }
            }
        }
        c.db().deleteIfEmpty(k, l);
        c.integer(removed);
    }

    private static void ltrim(Call c) {
        long start = c.argLong(2);
        long end = c.argLong(3);
        byte[] k = c.arg(1);
        ListValue l = c.db().getList(k);
        if (l == null) {
            c.ok();
            return;
        }
        int n = l.size();
        if (start < 0) {
            start = Math.max(0, n + start);
        }
        if (end < 0) {
            end = n + end;
        }
        if (end >= n) {
            end = n - 1;
        }
        if (start > end || start >= n) {
            l.clear();
        } else {
            l.trim((int) start, (int) end);
        }
        c.db().deleteIfEmpty(k, l);
        c.ok();
    }

    private static void lpos(Call c) {
        long rank = 1;
        long count = -1;
        long maxlen = 0;
        for (int i = 3; i < c.argc(); i++) {
            if (i + 1 >= c.argc()) {
                throw new CommandException(Errors.SYNTAX);
            }
            if (c.argIs(i, "rank")) {
                rank = c.argLong(++i);
                if (rank == 0 || rank == Long.MIN_VALUE) {
                    throw new CommandException("ERR RANK can't be zero: use 1 to start from the first match, 2 "
                            + "from the second ... or use negative to start from the end of the list");
                }
            } else if (c.argIs(i, "count")) {
                count = c.argLong(++i);
                if (count < 0) {
                    throw new CommandException("ERR COUNT can't be negative");
                }
            } else if (c.argIs(i, "maxlen")) {
                maxlen = c.argLong(++i);
                if (maxlen < 0) {
                    throw new CommandException("ERR MAXLEN can't be negative");
                }
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        ListValue l = c.db().getList(c.arg(1));
        byte[] v = c.arg(2);
        List<Long> found = new ArrayList<>();
        if (l != null) {
            int n = l.size();
            long toSkip = Math.abs(rank) - 1;
            long limit = count < 0 ? 1 : count == 0 ? Long.MAX_VALUE : count;
            for (int step = 0; step < n && (maxlen == 0 || step < maxlen) && found.size() < limit; step++) {
                int i = rank > 0 ? step : n - 1 - step;
                if (Arrays.equals(l.get(i), v)) {
                    if (toSkip > 0) {
                        toSkip--;
                    } else {
                        found.add((long) i);
                    }
                }
            }
        }
        if (count < 0) {
            if (found.isEmpty()) {
                c.nullBulk();
            } else {
                c.integer(found.get(0));
            }
        } else {
            c.array(found.size());
            found.forEach(c::integer);
        }
    }

    /** Pops from one end of src and pushes to one end of dst; null when src is empty. */
    static byte[] move(Partition db, byte[] src, byte[] dst, boolean fromLeft, boolean toLeft) {
        ListValue from = db.getList(src);
        if (from == null) {
            return null;
        }
        ListValue to = db.getList(dst); // WRONGTYPE before popping
        byte[] v = fromLeft ? from.pollFirst() : from.pollLast();
        if (to == null) {
            to = db.getOrCreateList(dst);
        }
        if (toLeft) {
            to.addFirst(v);
        } else {
            to.addLast(v);
        }
        db.deleteIfEmpty(src, from);
        db.watches().touched(src);
        db.watches().touched(dst);
        db.blocking().signalReady(dst);
        return v;
    }

    /** LMPOP/BLMPOP arguments: numkeys, keys, direction, optional COUNT (copied, usable after the request). */
    record MpopArgs(List<byte[]> keys, boolean left, long count) {
        static MpopArgs parse(Call c, int numkeysIndex, String leftWord, String rightWord) {
            long numkeys = c.argLong(numkeysIndex, "ERR numkeys should be greater than 0");
            if (numkeys <= 0) {
                throw new CommandException("ERR numkeys should be greater than 0");
            }
            int dirIndex = numkeysIndex + 1 + (int) Math.min(numkeys, Integer.MAX_VALUE - 10);
            if (numkeys > c.argc() - numkeysIndex - 2) {
                throw new CommandException(Errors.SYNTAX);
            }
            List<byte[]> keys = new ArrayList<>();
            for (int i = numkeysIndex + 1; i < dirIndex; i++) {
                keys.add(c.arg(i));
            }
            boolean left;
            if (c.argIs(dirIndex, leftWord)) {
                left = true;
            } else if (c.argIs(dirIndex, rightWord)) {
                left = false;
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
            long count = 1;
            int i = dirIndex + 1;
            if (i < c.argc()) {
                if (c.argIs(i, "count") && i + 2 == c.argc()) {
                    count = c.argLong(i + 1, "ERR count should be greater than 0");
                    if (count <= 0) {
                        throw new CommandException("ERR count should be greater than 0");
                    }
                } else {
                    throw new CommandException(Errors.SYNTAX);
                }
            }
            return new MpopArgs(keys, left, count);
        }
    }

    /** Pops from the first non-empty list; writes [key, [elements]] and returns true, or false if all empty. */
    static boolean mpop(Call c, Partition db, MpopArgs a) {
        for (byte[] k : a.keys()) {
            ListValue l = db.getList(k);
            if (l == null) {
                continue;
            }
            int n = (int) Math.min(a.count(), l.size());
            c.array(2);
            c.bulk(k);
            c.array(n);
            for (int i = 0; i < n; i++) {
                c.bulk(a.left() ? l.pollFirst() : l.pollLast());
            }
            db.deleteIfEmpty(k, l);
            db.watches().touched(k);
            return true;
        }
        return false;
    }
}
