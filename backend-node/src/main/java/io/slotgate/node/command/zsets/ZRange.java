package io.slotgate.node.command.zsets;

import io.slotgate.node.command.CommandException;
import io.slotgate.node.store.Bytes;
import io.slotgate.node.store.Numbers;
import io.slotgate.node.store.ZSetValue;
import io.slotgate.node.store.ZSetValue.Entry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** Score and lex interval parsing ("(1.5", "-inf", "[a", "-", "+") and range walks over a sorted set. */
final class ZRange {

    private ZRange() {
    }

    /** A score interval. */
    record Score(double min, boolean minEx, double max, boolean maxEx) {
        boolean aboveMin(double s) {
            return minEx ? s > min : s >= min;
        }

        boolean belowMax(double s) {
            return maxEx ? s < max : s <= max;
        }

        boolean contains(double s) {
            return aboveMin(s) && belowMax(s);
        }
    }

    /** A lex interval; null bounds mean "-" / "+". */
    record Lex(byte[] min, boolean minEx, byte[] max, boolean maxEx, boolean minInf, boolean maxInf) {
        boolean aboveMin(Bytes m) {
            if (minInf) {
                return true;
            }
            if (min == null) {
                return false; // "+" as min
            }
            int c = Arrays.compareUnsigned(m.bytes(), min);
            return minEx ? c > 0 : c >= 0;
        }

        boolean belowMax(Bytes m) {
            if (maxInf) {
                return true;
            }
            if (max == null) {
                return false; // "-" as max
            }
            int c = Arrays.compareUnsigned(m.bytes(), max);
            return maxEx ? c < 0 : c <= 0;
        }
    }

    static Score parseScore(byte[] min, byte[] max) {
        double[] a = bound(min);
        double[] b = bound(max);
        if (a == null || b == null) {
            throw new CommandException("ERR min or max is not a float");
        }
        return new Score(a[0], a[1] != 0, b[0], b[1] != 0);
    }

    private static double[] bound(byte[] s) {
        boolean ex = s.length > 0 && s[0] == '(';
        Double d = Numbers.parseDouble(ex ? Arrays.copyOfRange(s, 1, s.length) : s);
        return d == null ? null : new double[]{d, ex ? 1 : 0};
    }

    static Lex parseLex(byte[] min, byte[] max) {
        Object[] a = lexBound(min);
        Object[] b = lexBound(max);
        if (a == null || b == null) {
            throw new CommandException("ERR min or max not valid string range item");
        }
        // "-" is below everything, "+" above everything; as the wrong end they match nothing.
        boolean minInf = a[2] == Boolean.FALSE;
        boolean maxInf = b[2] == Boolean.TRUE;
        return new Lex((byte[]) a[0], (Boolean) a[1], (byte[]) b[0], (Boolean) b[1], minInf, maxInf);
    }

    /** [value, exclusive, infinity(null | FALSE for "-" | TRUE for "+")]. */
    private static Object[] lexBound(byte[] s) {
        if (s.length == 1 && s[0] == '-') {
            return new Object[]{null, false, Boolean.FALSE};
        }
        if (s.length == 1 && s[0] == '+') {
            return new Object[]{null, false, Boolean.TRUE};
        }
        if (s.length >= 1 && (s[0] == '(' || s[0] == '[')) {
            return new Object[]{Arrays.copyOfRange(s, 1, s.length), s[0] == '(', null};
        }
        return null;
    }

    /** Entries in the score interval, in the given direction, after skipping offset, at most limit (< 0 = all). */
    static List<Entry> byScore(ZSetValue z, Score r, boolean reverse, long offset, long limit) {
        List<Entry> out = new ArrayList<>();
        if (offset < 0) {
            return out;
        }
        Iterator<Entry> it = reverse ? z.from(new Entry(r.max(), ZSetValue.MAX_MEMBER), true)
                : z.from(new Entry(r.min(), ZSetValue.MIN_MEMBER), false);
        while (it.hasNext() && (limit < 0 || out.size() < limit)) {
            Entry e = it.next();
            if (!reverse) {
                if (!r.belowMax(e.score())) {
                    break;
                }
                if (!r.aboveMin(e.score())) {
                    continue;
                }
            } else {
                if (!r.aboveMin(e.score())) {
                    break;
                }
                if (!r.belowMax(e.score())) {
                    continue;
                }
            }
            if (offset > 0) {
                offset--;
                continue;
            }
            out.add(e);
        }
        return out;
    }

    /** Entries in the lex interval (Redis assumes equal scores), direction, offset and limit as above. */
    static List<Entry> byLex(ZSetValue z, Lex r, boolean reverse, long offset, long limit) {
        List<Entry> out = new ArrayList<>();
        if (offset < 0) {
            return out;
        }
        Iterator<Entry> it = reverse ? z.descending().iterator() : z.ascending().iterator();
        while (it.hasNext() && (limit < 0 || out.size() < limit)) {
            Entry e = it.next();
            boolean inMin = r.aboveMin(e.member());
            boolean inMax = r.belowMax(e.member());
            if (!reverse && !inMax || reverse && !inMin) {
                break;
            }
            if (!inMin || !inMax) {
                continue;
            }
            if (offset > 0) {
                offset--;
                continue;
            }
            out.add(e);
        }
        return out;
    }

    /** Entries with ranks [start, stop] (Redis index rules, negatives from the end). */
    static List<Entry> byRank(ZSetValue z, long start, long stop, boolean reverse) {
        long n = z.size();
        if (start < 0) {
            start = n + start;
        }
        if (stop < 0) {
            stop = n + stop;
        }
        if (start < 0) {
            start = 0;
        }
        if (start > stop || start >= n) {
            return List.of();
        }
        if (stop >= n) {
            stop = n - 1;
        }
        return z.byRank((int) start, (int) stop, reverse);
    }
}
