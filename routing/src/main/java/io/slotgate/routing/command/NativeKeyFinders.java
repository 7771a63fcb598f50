package io.slotgate.routing.command;

import io.netty.buffer.ByteBuf;
import io.slotgate.routing.resp.RespRequest;

/**
 * The Redis 7.0 commands that carry their own key finder (getkeys_proc in db.c) and what each one does. Redis
 * uses them when a key spec is incomplete or invalid for a request (SORT's STORE, MIGRATE's KEYS, a bad numkeys)
 * and, for SET and BITFIELD, whose spec flags vary with the arguments, instead of the specs.
 */
final class NativeKeyFinders {

    private static final int[] FIRST_ARGUMENT = {1};

    private NativeKeyFinders() {
    }

    /** The key finder of a command (lower-case name), or null if Redis has none for it. */
    static KeyFinder forCommand(String name) {
        return switch (name) {
            case "zunionstore", "zinterstore", "zdiffstore" -> r -> numKeys(r, 1, 2, 3);
            case "zunion", "zinter", "zdiff", "zintercard", "sintercard", "lmpop", "zmpop" -> r -> numKeys(r, 0, 1, 2);
            case "eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro", "blmpop", "bzmpop" ->
                    r -> numKeys(r, 0, 2, 3);
            case "sort" -> NativeKeyFinders::sort;
            case "sort_ro", "set", "bitfield" -> r -> FIRST_ARGUMENT.clone();
            case "migrate" -> NativeKeyFinders::migrate;
            case "georadius", "georadiusbymember" -> NativeKeyFinders::georadius;
            case "xread", "xreadgroup" -> NativeKeyFinders::xread;
            default -> null;
        };
    }

    /**
     * COMMAND [destkey] numkeys key... : numkeys read like C's atoi; no keys unless 1 <= numkeys <= the
     * arguments left; the destination (if any) comes after the sources, as Redis's genericGetKeys orders them.
     */
    static int[] numKeys(RespRequest r, int storeIndex, int countIndex, int firstIndex) {
        int argc = r.argCount();
        if (countIndex >= argc) {
            return KeyIndexBuffer.EMPTY;
        }
        long num = atoi(r, countIndex);
        if (num < 1 || num > argc - firstIndex) {
            return KeyIndexBuffer.EMPTY;
        }
        int n = (int) num;
        int[] keys = new int[storeIndex > 0 ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            keys[i] = firstIndex + i;
        }
        if (storeIndex > 0) {
            keys[n] = storeIndex;
        }
        return keys;
    }

    /** SORT key [BY p] [LIMIT o c] [GET p]... [STORE dest]: the key, then the last STORE destination. */
    private static int[] sort(RespRequest r) {
        int argc = r.argCount();
        int store = -1;
        for (int i = 2; i < argc; i++) {
            if (r.argEqualsIgnoreCase(i, "limit")) {
                i += 2;
            } else if (r.argEqualsIgnoreCase(i, "store") && i + 1 < argc) {
                store = i + 1; // the destination is not skipped, exactly as Redis scans it
            } else if (r.argEqualsIgnoreCase(i, "get") || r.argEqualsIgnoreCase(i, "by")) {
                i += 1;
            }
        }
        return store < 0 ? new int[] {1} : new int[] {1, store};
    }

    /** MIGRATE host port key|"" db timeout [COPY] [REPLACE] [AUTH pw] [AUTH2 user pw] [KEYS key...]. */
    private static int[] migrate(RespRequest r) {
        int argc = r.argCount();
        int first = 3;
        int num = 1;
        for (int i = 6; i < argc; i++) {
            if (r.argEqualsIgnoreCase(i, "keys")) {
                if (r.argLength(3) > 0) {
                    num = 0; // KEYS with a single key given too is a syntax error: no keys
                } else {
                    first = i + 1;
                    num = argc - first;
                }
                break;
            }
            if (r.argEqualsIgnoreCase(i, "auth")) {
                i += 1;
            } else if (r.argEqualsIgnoreCase(i, "auth2")) {
                i += 2;
            }
        }
        int[] keys = new int[num];
        for (int i = 0; i < num; i++) {
            keys[i] = first + i;
        }
        return keys;
    }

    /** GEORADIUS[BYMEMBER] key ... [STORE k|STOREDIST k]: the key and the last store destination. */
    private static int[] georadius(RespRequest r) {
        int argc = r.argCount();
        int stored = -1;
        for (int i = 5; i < argc; i++) {
            if ((r.argEqualsIgnoreCase(i, "store") || r.argEqualsIgnoreCase(i, "storedist")) && i + 1 < argc) {
                stored = i + 1;
                i++;
            }
        }
        return stored < 0 ? new int[] {1} : new int[] {1, stored};
    }

    /** XREAD/XREADGROUP options STREAMS k1..kN id1..idN: parses the options to find the real STREAMS. */
    private static int[] xread(RespRequest r) {
        int argc = r.argCount();
        int streams = -1;
        for (int i = 1; i < argc; i++) {
            if (r.argEqualsIgnoreCase(i, "block") || r.argEqualsIgnoreCase(i, "count")) {
                i++;
            } else if (r.argEqualsIgnoreCase(i, "group")) {
                i += 2;
            } else if (r.argEqualsIgnoreCase(i, "noack")) {
                continue;
            } else if (r.argEqualsIgnoreCase(i, "streams")) {
                streams = i;
                break;
            } else {
                break;
            }
        }
        int remaining = streams < 0 ? 0 : argc - streams - 1;
        if (remaining == 0 || remaining % 2 != 0) {
            return KeyIndexBuffer.EMPTY;
        }
        int[] keys = new int[remaining / 2];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = streams + 1 + i;
        }
        return keys;
    }

    /** C's atoi: optional spaces and sign, then digits up to the first non-digit; saturates instead of overflowing. */
    static long atoi(RespRequest r, int index) {
        int len = r.argLength(index);
        if (len == 0) {
            return 0;
        }
        ByteBuf frame = r.frame();
        int base = r.argIndex(index);
        int p = 0;
        while (p < len && isSpace(frame.getByte(base + p))) {
            p++;
        }
        boolean negative = false;
        if (p < len && (frame.getByte(base + p) == '-' || frame.getByte(base + p) == '+')) {
            negative = frame.getByte(base + p) == '-';
            p++;
        }
        long value = 0;
        for (; p < len; p++) {
            int d = frame.getByte(base + p) - '0';
            if (d < 0 || d > 9) {
                break;
            }
            value = Math.min(value * 10 + d, Integer.MAX_VALUE + 1L);
        }
        return negative ? -value : value;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }
}
