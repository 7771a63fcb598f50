package io.slotgate.node.persistence.aof;

import java.util.Locale;

/** redis.conf's {@code appendfsync}: when the append-only file is forced to stable storage. */
public enum FsyncPolicy {
    /** After every write batch, before its replies leave (group commit). */
    ALWAYS("always"),
    /** About once a second, off the client path: at most ~1 s of acknowledged writes can be lost. */
    EVERYSEC("everysec"),
    /** Never explicitly: the operating system flushes when it likes. */
    NO("no");

    private final String configName;

    FsyncPolicy(String configName) {
        this.configName = configName;
    }

    /** The redis.conf spelling. */
    public String configName() {
        return configName;
    }

    public static FsyncPolicy parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (FsyncPolicy p : values()) {
            if (p.configName.equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("appendfsync must be always, everysec or no, not '" + text + "'");
    }
}
