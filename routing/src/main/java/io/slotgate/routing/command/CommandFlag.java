package io.slotgate.routing.command;

/** Command flags as Redis 7.0 reports them in COMMAND INFO (lower-case names there). */
public enum CommandFlag {
    WRITE, READONLY, DENYOOM, MODULE, ADMIN, PUBSUB, NOSCRIPT, BLOCKING, LOADING, STALE, SKIP_MONITOR,
    SKIP_SLOWLOG, ASKING, FAST, NO_AUTH, MAY_REPLICATE, SENTINEL, ONLY_SENTINEL, NO_MANDATORY_KEYS, PROTECTED,
    NO_ASYNC_LOADING, NO_MULTI, MOVABLEKEYS, ALLOW_BUSY;

    /** Redis's spelling, e.g. "skip_monitor", "movablekeys". */
    public String redisName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses Redis's spelling; null for a flag this version does not know. */
    public static CommandFlag fromRedisName(String name) {
        try {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
