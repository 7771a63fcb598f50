package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an inline request line into arguments with the quoting rules of Redis's sdssplitargs: arguments are
 * separated by blanks; "..." understands \n \r \t \b \a \xHH and \&lt;any&gt;; '...' understands only \'; a closing
 * quote must be followed by a blank or the end of the line.
 */
final class InlineArgs {

    private InlineArgs() {
    }

    /**
     * @return the arguments of {@code buf[from, to)}, possibly none; null when quotes are unbalanced (Redis:
     *         "unbalanced quotes in request")
     */
    static List<byte[]> split(ByteBuf buf, int from, int to) {
        List<byte[]> args = new ArrayList<>();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        int p = from;
        while (true) {
            while (p < to && isSpace(buf.getUnsignedByte(p))) {
                p++;
            }
            if (p == to) {
                return args;
            }
            boolean inDouble = false;
            boolean inSingle = false;
            boolean done = false;
            current.reset();
            while (!done) {
                int c = p < to ? buf.getUnsignedByte(p) : -1;
                int next = p + 1 < to ? buf.getUnsignedByte(p + 1) : -1;
                if (inDouble) {
                    if (c == '\\' && next == 'x' && p + 3 < to
                            && hex(buf.getUnsignedByte(p + 2)) >= 0 && hex(buf.getUnsignedByte(p + 3)) >= 0) {
                        current.write(hex(buf.getUnsignedByte(p + 2)) * 16 + hex(buf.getUnsignedByte(p + 3)));
                        p += 3;
                    } else if (c == '\\' && next != -1) {
                        p++;
                        current.write(unescape(next));
                    } else if (c == '"') {
                        if (next != -1 && !isSpace(next)) {
                            return null;
                        }
                        done = true;
                    } else if (c == -1) {
                        return null;
                    } else {
                        current.write(c);
                    }
                } else if (inSingle) {
                    if (c == '\\' && next == '\'') {
                        p++;
                        current.write('\'');
                    } else if (c == '\'') {
                        if (next != -1 && !isSpace(next)) {
                            return null;
                        }
                        done = true;
                    } else if (c == -1) {
                        return null;
                    } else {
                        current.write(c);
                    }
                } else {
                    switch (c) {
                        case ' ', '\n', '\r', '\t', -1 -> done = true;
                        case '"' -> inDouble = true;
                        case '\'' -> inSingle = true;
                        default -> current.write(c);
                    }
                }
                if (c != -1) {
                    p++;
                }
            }
            args.add(current.toByteArray());
        }
    }

    private static int unescape(int c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'a' -> 7;
            default -> c;
        };
    }

    /** C's isspace in the "C" locale. */
    private static boolean isSpace(int b) {
        return b == ' ' || b == '\t' || b == '\n' || b == 0x0b || b == '\f' || b == '\r';
    }

    private static int hex(int b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
