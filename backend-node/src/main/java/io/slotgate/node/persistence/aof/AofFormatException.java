package io.slotgate.node.persistence.aof;

/**
 * An AOF file that cannot be read to its end: cut short ({@link #truncated()}) or holding bytes that are not a
 * RESP command. {@link #validEnd()} is where the last complete command (outside a MULTI block) ends: the prefix
 * that can be kept.
 */
public final class AofFormatException extends Exception {

    private final boolean truncated;
    private final long offset;
    private final long validEnd;

    public AofFormatException(String message, boolean truncated, long offset, long validEnd) {
        super(message);
        this.truncated = truncated;
        this.offset = offset;
        this.validEnd = validEnd;
    }

    public boolean truncated() {
        return truncated;
    }

    /** Where the problem was found. */
    public long offset() {
        return offset;
    }

    public long validEnd() {
        return validEnd;
    }
}
