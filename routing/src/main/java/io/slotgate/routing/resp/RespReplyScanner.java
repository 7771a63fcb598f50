package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds where complete replies (RESP2 and RESP3, nested aggregates included) end, without decoding values, so a
 * proxy can cut a pipelined byte stream into per-request replies. Incremental: a partial reply keeps the scan
 * position, so the bytes already scanned are not scanned again when more arrive.
 * <p>
 * Positions are kept relative to the buffer's reader index, so the caller may compact or re-accumulate the buffer
 * between calls as long as it does not consume bytes of the partial reply. Not thread-safe: one per connection.
 */
public final class RespReplyScanner {

    /** Deepest aggregate nesting accepted. */
    public static final int MAX_DEPTH = 512;
    /** Longest line (simple string, error, number, header) accepted. */
    public static final int MAX_LINE_LENGTH = 1024 * 1024;

    /** Elements still expected by each open aggregate, innermost last. */
    private long[] remaining = new long[8];
    private int depth;
    /** Bytes of the current reply already scanned, counted from the reader index. */
    private int scanned;
    /** Body bytes (plus CRLF) still to skip for the blob string being scanned, or -1 outside a blob. */
    private long pendingBlob = -1;
    /** Where the search for the current line's LF resumes (relative to the reader index). */
    private int lineSearchFrom;

    /**
     * Scans {@code buf} from its reader index.
     *
     * @return the length in bytes of the first complete reply, or -1 if more bytes are needed; after a complete
     *         reply the scanner is ready for the next one (as after {@link #reset()})
     * @throws RespProtocolException if the bytes are not RESP
     */
    public int scan(ByteBuf buf) {
        int base = buf.readerIndex();
        int limit = buf.writerIndex();
        while (true) {
            if (pendingBlob >= 0) {
                if (limit - base - scanned < pendingBlob) {
                    return -1;
                }
                int end = base + scanned + (int) pendingBlob;
                if (buf.getByte(end - 2) != '\r' || buf.getByte(end - 1) != '\n') {
                    throw new RespProtocolException("bulk string not terminated by CRLF");
                }
                scanned += (int) pendingBlob;
                pendingBlob = -1;
                if (valueDone()) {
                    return finish();
                }
                continue;
            }
            int lineStart = base + scanned;
            int searchFrom = Math.max(lineStart, base + lineSearchFrom);
            int lf = buf.indexOf(searchFrom, limit, (byte) '\n');
            if (lf < 0) {
                if (limit - lineStart > MAX_LINE_LENGTH) {
                    throw new RespProtocolException("reply line longer than " + MAX_LINE_LENGTH + " bytes");
                }
                lineSearchFrom = limit - base;
                return -1;
            }
            if (lf - lineStart < 2 || buf.getByte(lf - 1) != '\r') {
                throw new RespProtocolException("reply line not terminated by CRLF");
            }
            scanned = lf + 1 - base;
            lineSearchFrom = scanned;
            if (line(buf, buf.getByte(lineStart), lineStart + 1, lf - 1 - (lineStart + 1))) {
                return finish();
            }
        }
    }

    /** Handles one complete line; returns true when it completed the whole reply. */
    private boolean line(ByteBuf buf, byte type, int textIndex, int textLength) {
        switch (type) {
            case '+', '-', ':', ',', '#', '(':
                return valueDone();
            case '_':
                if (textLength != 0) {
                    throw new RespProtocolException("null reply with content");
                }
                return valueDone();
            case '$', '!', '=': {
                long len = number(buf, textIndex, textLength);
                if (len == -1 && type == '$') {
                    return valueDone();
                }
                if (len < 0 || len > Integer.MAX_VALUE - 2) {
                    throw new RespProtocolException("invalid blob length " + len);
                }
                pendingBlob = len + 2;
                return false;
            }
            case '*', '~', '>': {
                long count = number(buf, textIndex, textLength);
                if (count == -1 && type == '*') {
                    return valueDone();
                }
                return open(count);
            }
            case '%':
                return open(2 * checkedCount(number(buf, textIndex, textLength)));
            case '|':
                // An attribute is a map followed by the value it annotates: one more element to wait for.
                return open(2 * checkedCount(number(buf, textIndex, textLength)) + 1);
            default:
                throw new RespProtocolException("unknown reply type '" + RespValues.printable(type) + "'");
        }
    }

    private boolean open(long count) {
        checkedCount(count);
        if (count == 0) {
            return valueDone();
        }
        if (depth == MAX_DEPTH) {
            throw new RespProtocolException("reply nested deeper than " + MAX_DEPTH);
        }
        if (depth == remaining.length) {
            remaining = Arrays.copyOf(remaining, Math.min(MAX_DEPTH, depth * 2));
        }
        remaining[depth++] = count;
        return false;
    }

    /** One value completed: count it against the open aggregates; true when nothing is left open. */
    private boolean valueDone() {
        while (depth > 0) {
            if (--remaining[depth - 1] > 0) {
                return false;
            }
            depth--;
        }
        return true;
    }

    private static long checkedCount(long count) {
        if (count < 0 || count > Integer.MAX_VALUE) {
            throw new RespProtocolException("invalid aggregate length " + count);
        }
        return count;
    }

    private static long number(ByteBuf buf, int index, int length) {
        long v = RespNumbers.parseLong(buf, index, length);
        if (v == RespNumbers.INVALID) {
            throw new RespProtocolException("invalid length '"
                    + buf.toString(index, length, StandardCharsets.US_ASCII) + "'");
        }
        return v;
    }

    private int finish() {
        int length = scanned;
        reset();
        return length;
    }

    /** Forgets partial progress (call after the caller consumed a reply or on a new connection). */
    public void reset() {
        depth = 0;
        scanned = 0;
        pendingBlob = -1;
        lineSearchFrom = 0;
    }
}
