package io.slotgate.node.command;

import io.slotgate.routing.resp.RespRequest;

/**
 * Which arguments of a request are keys (cluster-protocol.md §2.1: the slot gate needs them). Mirrors Redis's
 * legacy (first, last, step) triple plus the numkeys forms.
 */
@FunctionalInterface
public interface KeySpec {

    int[] NONE = new int[0];

    int[] keys(RespRequest r);

    /** The spec of keyless commands. */
    KeySpec NONE_SPEC = r -> NONE;

    static KeySpec none() {
        return NONE_SPEC;
    }

    /** Keys from {@code first} to {@code last} (negative = from the end, -1 = last argument) every {@code step}. */
    static KeySpec range(int first, int last, int step) {
        return new Range(first, last, step);
    }

    /** The legacy (first, last, step) form, kept inspectable for COMMAND INFO. */
    record Range(int first, int last, int step) implements KeySpec {
        @Override
        public int[] keys(RespRequest r) {
            int n = r.argCount();
            if (first == 1 && last == 1) {
                return n > 1 ? ONE : NONE;
            }
            int end = last < 0 ? n + last : last;
            if (end >= n) {
                end = n - 1;
            }
            if (first > end) {
                return NONE;
            }
            int[] out = new int[(end - first) / step + 1];
            int c = 0;
            for (int i = first; i <= end; i += step) {
                out[c++] = i;
            }
            return c == out.length ? out : java.util.Arrays.copyOf(out, c);
        }
    }

    /** {@code numkeys} at {@code numkeysIndex}, keys right after it (ZUNION, SINTERCARD, LMPOP...). */
    static KeySpec numkeys(int numkeysIndex) {
        return numkeys(numkeysIndex, NONE);
    }

    /** Like {@link #numkeys(int)} plus fixed key positions before it (ZUNIONSTORE's destination). */
    static KeySpec numkeys(int numkeysIndex, int[] fixedBefore) {
        return r -> {
            if (r.argCount() <= numkeysIndex) {
                return fixedBefore;
            }
            long n;
            try {
                n = r.argLong(numkeysIndex);
            } catch (NumberFormatException e) {
                return fixedBefore;
            }
            if (n <= 0 || numkeysIndex + n >= r.argCount()) {
                return fixedBefore;
            }
            int[] out = new int[fixedBefore.length + (int) n];
            System.arraycopy(fixedBefore, 0, out, 0, fixedBefore.length);
            for (int i = 0; i < n; i++) {
                out[fixedBefore.length + i] = numkeysIndex + 1 + i;
            }
            return out;
        };
    }

    int[] ONE = {1};
}
