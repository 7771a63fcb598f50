package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ReferenceCounted;
import io.slotgate.routing.slot.SlotHash;

import java.nio.charset.StandardCharsets;

/**
 * One client request: its arguments as views into the original bytes, plus those bytes for zero-copy forwarding.
 * <p>
 * The request owns one reference to {@link #frame()}; {@link #release()} frees it. Argument accessors return
 * views (no copy) unless their name says they copy.
 */
public final class RespRequest extends AbstractReferenceCounted {

    private final ByteBuf frame;
    /** Pairs of (offset from frame's reader index, length) for each argument. */
    private final int[] positions;
    private final int argCount;
    private final boolean inline;

    /**
     * @param frame     the request's wire bytes (ownership passes to this object)
     * @param positions pairs of (offset relative to frame.readerIndex(), length), at least 2*argCount long
     * @param argCount  number of arguments, command name included
     * @param inline    whether the client sent the inline form; then frame holds the multibulk re-encoding
     */
    public RespRequest(ByteBuf frame, int[] positions, int argCount, boolean inline) {
        this.frame = frame;
        this.positions = positions;
        this.argCount = argCount;
        this.inline = inline;
    }

    /** Builds a request from arguments, encoded as a RESP multibulk (for tests, tools and internal commands). */
    public static RespRequest of(byte[]... args) {
        int size = 16;
        for (byte[] a : args) {
            size += a.length + 16;
        }
        ByteBuf buf = Unpooled.buffer(size);
        int[] positions = new int[args.length * 2];
        RespWriter.writeArrayHeader(buf, args.length);
        for (int i = 0; i < args.length; i++) {
            buf.writeByte('$');
            RespWriter.writeDecimalLine(buf, args[i].length);
            positions[2 * i] = buf.writerIndex();
            positions[2 * i + 1] = args[i].length;
            buf.writeBytes(args[i]);
            buf.writeShort(RespWriter.CRLF_SHORT);
        }
        return new RespRequest(buf, positions, args.length, false);
    }

    /** Builds a request from UTF-8 string arguments. */
    public static RespRequest of(String... args) {
        byte[][] bytes = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            bytes[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return of(bytes);
    }

    /** Number of arguments, the command name included. */
    public int argCount() {
        return argCount;
    }

    public boolean isInline() {
        return inline;
    }

    /** The request as multibulk wire bytes (a view; retain it to keep it past {@link #release()}). */
    public ByteBuf frame() {
        return frame;
    }

    public int argLength(int i) {
        checkIndex(i);
        return positions[2 * i + 1];
    }

    /** Absolute index of argument {@code i}'s first byte in {@link #frame()}. */
    public int argIndex(int i) {
        checkIndex(i);
        return frame.readerIndex() + positions[2 * i];
    }

    /** A view of argument {@code i} (no copy, not retained). */
    public ByteBuf arg(int i) {
        return frame.slice(argIndex(i), argLength(i));
    }

    /** A copy of argument {@code i}. */
    public byte[] argBytes(int i) {
        byte[] out = new byte[argLength(i)];
        frame.getBytes(argIndex(i), out);
        return out;
    }

    /** Argument {@code i} decoded as UTF-8. */
    public String argString(int i) {
        return frame.toString(argIndex(i), argLength(i), StandardCharsets.UTF_8);
    }

    /** Case-insensitive ASCII comparison of argument {@code i} with {@code ascii}, without allocating. */
    public boolean argEqualsIgnoreCase(int i, String ascii) {
        int len = argLength(i);
        if (len != ascii.length()) {
            return false;
        }
        int base = argIndex(i);
        for (int j = 0; j < len; j++) {
            int a = frame.getByte(base + j);
            int b = ascii.charAt(j);
            if (a != b && toLower(a) != toLower(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Argument {@code i} as a signed 64-bit decimal, with Redis's strictness (no spaces, no '+', no leading zeros
     * except "0" itself, no overflow).
     *
     * @throws NumberFormatException if it is not such an integer
     */
    public long argLong(int i) {
        int len = argLength(i);
        int base = argIndex(i);
        if (len == 0 || len > 20) {
            throw new NumberFormatException("not an integer");
        }
        int p = 0;
        boolean negative = false;
        if (frame.getByte(base) == '-') {
            negative = true;
            p = 1;
            if (len == 1) {
                throw new NumberFormatException("not an integer");
            }
        }
        if (frame.getByte(base + p) == '0' && len > p + 1) {
            throw new NumberFormatException("not an integer");
        }
        long value = 0;
        for (; p < len; p++) {
            int d = frame.getByte(base + p) - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException("not an integer");
            }
            // Accumulate negatively so Long.MIN_VALUE parses.
            if (value < (Long.MIN_VALUE + d) / 10) {
                throw new NumberFormatException("overflow");
            }
            value = value * 10 - d;
        }
        if (negative) {
            return value;
        }
        if (value == Long.MIN_VALUE) {
            throw new NumberFormatException("overflow");
        }
        return -value;
    }

    /** Hash slot of argument {@code i} taken as a key. */
    public int argSlot(int i) {
        return SlotHash.slot(frame, argIndex(i), argLength(i));
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= argCount) {
            throw new IndexOutOfBoundsException("argument " + i + " of " + argCount);
        }
    }

    private static int toLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    @Override
    protected void deallocate() {
        frame.release();
    }

    @Override
    public ReferenceCounted touch(Object hint) {
        frame.touch(hint);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RespRequest[");
        for (int i = 0; i < argCount; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(argLength(i) > 64 ? argLength(i) + " bytes" : argString(i));
        }
        return sb.append(']').toString();
    }
}
