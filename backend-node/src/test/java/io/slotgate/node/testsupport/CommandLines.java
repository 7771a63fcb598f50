package io.slotgate.node.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * The one-line command notation of the table-driven compatibility suites and how they compare a reply of
 * redis-server with ours: byte for byte, or, for a line written with a leading "~", as sorted array elements.
 */
public final class CommandLines {

    private CommandLines() {
    }

    /** Splits on spaces; single quotes group words ('a b'); '' is the empty string. */
    public static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char ch : line.toCharArray()) {
            if (ch == '\'') {
                quoted = !quoted;
                any = true;
            } else if (ch == ' ' && !quoted) {
                if (any || !cur.isEmpty()) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
                any = false;
            } else {
                cur.append(ch);
            }
        }
        if (any || !cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out.toArray(String[]::new);
    }

    /** Whether {@code line} is marked "~" (an unordered array reply). */
    public static boolean unordered(String line) {
        return line.startsWith("~");
    }

    /** The arguments of {@code line} without its "~" mark. */
    public static String[] args(String line) {
        return split(unordered(line) ? line.substring(1) : line);
    }

    /** Null when the replies agree (as sorted elements when {@code unordered}), else a readable mismatch. */
    public static String mismatch(String shown, String redisReply, String nodeReply, boolean unordered) {
        String want = unordered ? sortedArray(redisReply) : redisReply;
        String got = unordered ? sortedArray(nodeReply) : nodeReply;
        return want.equals(got) ? null : shown + "\n    redis: " + printable(want) + "\n    node:  " + printable(got);
    }

    /** Sorts the bulk elements of a flat array reply so set-like replies compare regardless of order. */
    static String sortedArray(String reply) {
        if (!reply.startsWith("*")) {
            return reply;
        }
        String[] parts = reply.split("\r\n");
        List<String> elems = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("$") && !parts[i].equals("$-1") && i + 1 < parts.length) {
                elems.add(parts[i] + "|" + parts[++i]);
            } else {
                elems.add(parts[i]);
            }
        }
        elems.sort(null);
        return parts[0] + " " + elems;
    }

    private static String printable(String s) {
        return s.replace("\r\n", "\\r\\n");
    }
}
