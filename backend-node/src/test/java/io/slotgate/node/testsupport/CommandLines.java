package io.slotgate.node.testsupport;

import java.util.ArrayList;
import java.util.List;

/** The one-line command notation of the table-driven compatibility suites. */
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
}
