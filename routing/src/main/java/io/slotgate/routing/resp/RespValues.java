package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes one complete reply into plain Java values, for control-plane use (slot-map refresh, tools, tests), not
 * for the data path. Mapping: simple string -> String; error and blob error -> {@link RespError}; integer -> Long;
 * bulk and verbatim -> byte[] (verbatim without its "txt:" prefix); null and null bulk/array -> null; array, set,
 * push -> java.util.List; map -> java.util.LinkedHashMap; double -> Double; boolean -> Boolean; big number ->
 * java.math.BigInteger. Map keys that are bulk or verbatim strings become String (UTF-8), so that a map can be
 * looked up by name (byte[] has identity equality). An attribute ({@code |}) is skipped and the value it
 * annotates is returned.
 */
public final class RespValues {

    /** Deepest nesting accepted; deeper input is treated as malformed rather than risking the stack. */
    public static final int MAX_DEPTH = RespReplyScanner.MAX_DEPTH;

    private RespValues() {
    }

    /**
     * Decodes the first reply in {@code buf} and advances its reader index past it. On failure the reader index
     * is left where it was.
     *
     * @throws RespProtocolException if the bytes are malformed or incomplete
     */
    public static Object read(ByteBuf buf) {
        int start = buf.readerIndex();
        try {
            return readValue(buf, 0);
        } catch (IndexOutOfBoundsException e) {
            buf.readerIndex(start);
            throw new RespProtocolException("incomplete reply");
        } catch (RespProtocolException e) {
            buf.readerIndex(start);
            throw e;
        }
    }

    private static Object readValue(ByteBuf buf, int depth) {
        if (depth > MAX_DEPTH) {
            throw new RespProtocolException("reply nested deeper than " + MAX_DEPTH);
        }
        byte type = buf.readByte();
        switch (type) {
            case '+':
                return readLine(buf);
            case '-':
                return new RespError(readLine(buf));
            case ':':
                return readLong(buf);
            case '$': {
                long len = readLong(buf);
                return len == -1 ? null : readBlob(buf, len);
            }
            case '!': {
                long len = readLong(buf);
                return new RespError(new String(readBlob(buf, len), StandardCharsets.UTF_8));
            }
            case '=': {
                byte[] blob = readBlob(buf, readLong(buf));
                // Verbatim strings start with a three-letter format and ':' ("txt:", "mkd:").
                if (blob.length < 4 || blob[3] != ':') {
                    throw new RespProtocolException("verbatim string without format prefix");
                }
                byte[] text = new byte[blob.length - 4];
                System.arraycopy(blob, 4, text, 0, text.length);
                return text;
            }
            case '_':
                expectEmptyLine(buf);
                return null;
            case '#': {
                String line = readLine(buf);
                if (line.equals("t")) {
                    return Boolean.TRUE;
                }
                if (line.equals("f")) {
                    return Boolean.FALSE;
                }
                throw new RespProtocolException("invalid boolean '" + line + "'");
            }
            case ',':
                return readDouble(readLine(buf));
            case '(': {
                String line = readLine(buf);
                try {
                    return new BigInteger(line);
                } catch (NumberFormatException e) {
                    throw new RespProtocolException("invalid big number '" + line + "'");
                }
            }
            case '*':
            case '~':
            case '>': {
                long count = readLong(buf);
                if (count == -1 && type == '*') {
                    return null;
                }
                checkCount(count, buf);
                List<Object> list = new ArrayList<>((int) count);
                for (int i = 0; i < count; i++) {
                    list.add(readValue(buf, depth + 1));
                }
                return list;
            }
            case '%': {
                long count = readLong(buf);
                checkCount(count, buf);
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < count; i++) {
                    Object key = readValue(buf, depth + 1);
                    map.put(key instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : key,
                            readValue(buf, depth + 1));
                }
                return map;
            }
            case '|': {
                long count = readLong(buf);
                checkCount(count, buf);
                for (int i = 0; i < 2 * count; i++) {
                    readValue(buf, depth + 1);
                }
                return readValue(buf, depth);
            }
            default:
                throw new RespProtocolException("unknown reply type '" + printable(type) + "'");
        }
    }

    /** Reads up to CRLF (consumed), as text. */
    private static String readLine(ByteBuf buf) {
        int lf = buf.indexOf(buf.readerIndex(), buf.writerIndex(), (byte) '\n');
        if (lf < 0) {
            throw new IndexOutOfBoundsException();
        }
        if (lf == buf.readerIndex() || buf.getByte(lf - 1) != '\r') {
            throw new RespProtocolException("line not terminated by CRLF");
        }
        String s = buf.toString(buf.readerIndex(), lf - 1 - buf.readerIndex(), StandardCharsets.UTF_8);
        buf.readerIndex(lf + 1);
        return s;
    }

    private static long readLong(ByteBuf buf) {
        int lf = buf.indexOf(buf.readerIndex(), buf.writerIndex(), (byte) '\n');
        if (lf < 0) {
            throw new IndexOutOfBoundsException();
        }
        if (lf == buf.readerIndex() || buf.getByte(lf - 1) != '\r') {
            throw new RespProtocolException("line not terminated by CRLF");
        }
        int len = lf - 1 - buf.readerIndex();
        long v = RespNumbers.parseLong(buf, buf.readerIndex(), len);
        if (v == RespNumbers.INVALID) {
            throw new RespProtocolException("invalid integer '"
                    + buf.toString(buf.readerIndex(), len, StandardCharsets.US_ASCII) + "'");
        }
        buf.readerIndex(lf + 1);
        return v;
    }

    private static void expectEmptyLine(ByteBuf buf) {
        if (!readLine(buf).isEmpty()) {
            throw new RespProtocolException("null reply with content");
        }
    }

    private static byte[] readBlob(ByteBuf buf, long len) {
        if (len < 0 || len > Integer.MAX_VALUE - 2) {
            throw new RespProtocolException("invalid bulk length " + len);
        }
        if (buf.readableBytes() < len + 2) {
            throw new IndexOutOfBoundsException();
        }
        byte[] out = new byte[(int) len];
        buf.readBytes(out);
        if (buf.readByte() != '\r' || buf.readByte() != '\n') {
            throw new RespProtocolException("bulk string not terminated by CRLF");
        }
        return out;
    }

    private static void checkCount(long count, ByteBuf buf) {
        // Every element takes at least 3 bytes ("_\r\n"), so a larger count cannot be complete in this buffer.
        if (count < 0 || count > buf.readableBytes() / 3) {
            if (count >= 0) {
                throw new IndexOutOfBoundsException();
            }
            throw new RespProtocolException("invalid aggregate length " + count);
        }
    }

    private static Double readDouble(String line) {
        switch (line) {
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
            case "-nan":
                return Double.NaN;
            default:
                try {
                    return Double.valueOf(line);
                } catch (NumberFormatException e) {
                    throw new RespProtocolException("invalid double '" + line + "'");
                }
        }
    }

    static String printable(byte b) {
        return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff);
    }
}
