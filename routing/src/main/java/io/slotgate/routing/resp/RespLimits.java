package io.slotgate.routing.resp;

/**
 * Size limits applied while framing requests; Redis's names and defaults.
 *
 * @param maxBulkLength      proto-max-bulk-len: largest bulk argument accepted
 * @param maxMultibulkLength largest argument count of one request
 * @param maxInlineLength    largest inline request line (Redis: PROTO_INLINE_MAX_SIZE)
 */
public record RespLimits(long maxBulkLength, int maxMultibulkLength, int maxInlineLength) {

    public static final long DEFAULT_MAX_BULK_LENGTH = 512L * 1024 * 1024;
    public static final int DEFAULT_MAX_MULTIBULK_LENGTH = 1024 * 1024 * 1024;
    public static final int DEFAULT_MAX_INLINE_LENGTH = 64 * 1024;

    public static final RespLimits DEFAULT =
            new RespLimits(DEFAULT_MAX_BULK_LENGTH, DEFAULT_MAX_MULTIBULK_LENGTH, DEFAULT_MAX_INLINE_LENGTH);
}
