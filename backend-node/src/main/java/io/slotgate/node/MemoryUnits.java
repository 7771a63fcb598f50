package io.slotgate.node;

import java.util.Locale;

/** Redis's number-with-unit syntax for sizes in config files: 1k=1000, 1kb=1024, 1m, 1mb, 1g, 1gb. */
public final class MemoryUnits {

    private MemoryUnits() {
    }

    public static long parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        long mul = 1;
        String[][] units = {{"gb", "1073741824"}, {"mb", "1048576"}, {"kb", "1024"}, {"g", "1000000000"},
                {"m", "1000000"}, {"k", "1000"}, {"b", "1"}};
        for (String[] u : units) {
            if (s.endsWith(u[0])) {
                mul = Long.parseLong(u[1]);
                s = s.substring(0, s.length() - u[0].length());
                break;
            }
        }
        try {
            return Long.parseLong(s) * mul;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + text);
        }
    }
}
