package io.slotgate.node.persistence.rdb;

/**
 * One key of an RDB file.
 *
 * @param expireAtMs absolute expiry in Unix milliseconds, or -1 without TTL
 */
public record RdbEntry(byte[] key, RdbValue value, long expireAtMs) {

    public static final long NO_EXPIRY = -1;
}
