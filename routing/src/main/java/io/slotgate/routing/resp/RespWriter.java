package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/** Encoders for RESP2 replies and requests, writing straight into a {@link ByteBuf}. */
public final class RespWriter {

    /** "\r\n" as a big-endian short, for {@link ByteBuf#writeShort}. */
    public static final int CRLF_SHORT = ('\r' << 8) | '\n';

    private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_BULK = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_ARRAY = "*-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] SMALL_INTS = new byte[1024][];

    static {
        for (int i = 0; i < SMALL_INTS.length; i++) {
            SMALL_INTS[i] = (":" + i + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private RespWriter() {
    }

    public static void writeOk(ByteBuf out) {
        out.writeBytes(OK);
    }

    /** {@code +text\r\n}; text must not contain CR or LF. */
    public static void writeSimple(ByteBuf out, String text) {
        out.writeByte('+');
        out.writeCharSequence(text, StandardCharsets.UTF_8);
        out.writeShort(CRLF_SHORT);
    }

    /** {@code -text\r\n}; text is the whole error, its prefix included (e.g. "ERR syntax error"). */
    public static void writeError(ByteBuf out, String text) {
        out.writeByte('-');
        out.writeCharSequence(text, StandardCharsets.UTF_8);
        out.writeShort(CRLF_SHORT);
    }

    public static void writeInteger(ByteBuf out, long value) {
        if (value >= 0 && value < SMALL_INTS.length) {
            out.writeBytes(SMALL_INTS[(int) value]);
            return;
        }
        out.writeByte(':');
        writeDecimalLine(out, value);
    }

    public static void writeBulk(ByteBuf out, byte[] value) {
        out.writeByte('$');
        writeDecimalLine(out, value.length);
        out.writeBytes(value);
        out.writeShort(CRLF_SHORT);
    }

    public static void writeBulk(ByteBuf out, byte[] value, int off, int len) {
        out.writeByte('$');
        writeDecimalLine(out, len);
        out.writeBytes(value, off, len);
        out.writeShort(CRLF_SHORT);
    }

    public static void writeBulk(ByteBuf out, String value) {
        writeBulk(out, value.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeNullBulk(ByteBuf out) {
        out.writeBytes(NULL_BULK);
    }

    public static void writeNullArray(ByteBuf out) {
        out.writeBytes(NULL_ARRAY);
    }

    public static void writeArrayHeader(ByteBuf out, int count) {
        out.writeByte('*');
        writeDecimalLine(out, count);
    }

    /** Writes {@code value} in decimal followed by CRLF. */
    public static void writeDecimalLine(ByteBuf out, long value) {
        if (value >= 0 && value < 10) {
            out.writeByte('0' + (int) value);
        } else {
            out.writeCharSequence(Long.toString(value), StandardCharsets.US_ASCII);
        }
        out.writeShort(CRLF_SHORT);
    }

    /** Encodes a command as a multibulk of bulk strings, the form every Redis server accepts. */
    public static void writeCommand(ByteBuf out, String... args) {
        writeArrayHeader(out, args.length);
        for (String a : args) {
            writeBulk(out, a);
        }
    }

    /** Encodes a command given as raw arguments. */
    public static void writeCommand(ByteBuf out, byte[]... args) {
        writeArrayHeader(out, args.length);
        for (byte[] a : args) {
            writeBulk(out, a);
        }
    }
}
