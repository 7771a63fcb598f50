package io.slotgate.node.acl;

import java.nio.charset.StandardCharsets;

/**
 * A key pattern of a user: {@code ~pat} (read and write), {@code %R~pat} or {@code %W~pat}.
 *
 * @param flags {@link #READ} and/or {@link #WRITE}
 */
public record KeyPattern(String pattern, int flags) {

    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int ALL = READ | WRITE;

    public byte[] bytes() {
        return pattern.getBytes(StandardCharsets.UTF_8);
    }

    /** The rule that adds it, as ACL LIST shows it. */
    public String describe() {
        String prefix = flags == ALL ? "~" : flags == READ ? "%R~" : "%W~";
        return prefix + pattern;
    }
}
