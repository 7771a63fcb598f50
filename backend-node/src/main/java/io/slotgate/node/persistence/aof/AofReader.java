package io.slotgate.node.persistence.aof;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads the RESP commands of an AOF file ({@code *N\r\n$len\r\narg\r\n...}) one at a time, with their offsets.
 * A MULTI block counts as complete only at its EXEC, as Redis: a file cut inside a transaction keeps the prefix
 * before its MULTI.
 */
public final class AofReader {

    /** Longest argument accepted (Redis's proto-max-bulk-len default). */
    public static final long DEFAULT_MAX_BULK = 512L * 1024 * 1024;
    public static final int DEFAULT_MAX_ARGS = 1024 * 1024;

    private final InputStream in;
    private long pos;

    public AofReader(InputStream in) {
        this.in = new BufferedInputStream(in, 1 << 16);
    }

    /**
     * Hands every command to {@code sink} until the end of the file; returns the number of commands. A command is
     * delivered only once complete, so on a failure everything delivered lies before
     * {@link AofFormatException#validEnd()} (except the commands of an unfinished MULTI block, whose MULTI
     * offset is then the valid end: the caller discards a transaction left open).
     */
    public long readAll(Consumer<byte[][]> sink) throws IOException, AofFormatException {
        long count = 0;
        long validEnd = 0;
        long multiStart = -1;
        while (true) {
            long start = pos;
            int first = in.read();
            if (first < 0) {
                if (multiStart >= 0) {
                    throw new AofFormatException("unexpected end of file inside MULTI", true, pos, multiStart);
                }
                return count;
            }
            pos++;
            if (first != '*') {
                throw new AofFormatException("expected '*' but found byte " + first, false, start,
                        multiStart >= 0 ? multiStart : validEnd);
            }
            long safe = multiStart >= 0 ? multiStart : validEnd;
            int argc = (int) readNumber(safe, DEFAULT_MAX_ARGS);
            if (argc < 1) {
                throw new AofFormatException("bad argument count " + argc, false, start, safe);
            }
            byte[][] args = new byte[argc][];
            for (int i = 0; i < argc; i++) {
                int dollar = next(safe);
                if (dollar != '$') {
                    throw new AofFormatException("expected '$' but found byte " + dollar, false, pos - 1, safe);
                }
                long len = readNumber(safe, DEFAULT_MAX_BULK);
                byte[] arg = new byte[(int) len];
                readFully(arg, safe);
                if (next(safe) != '\r' || next(safe) != '\n') {
                    throw new AofFormatException("argument not followed by CRLF", false, pos - 1, safe);
                }
                args[i] = arg;
            }
            count++;
            if (isCommand(args, "multi")) {
                multiStart = start;
            } else if (isCommand(args, "exec")) {
                multiStart = -1;
            }
            if (multiStart < 0) {
                validEnd = pos;
            }
            sink.accept(args);
        }
    }

    private static boolean isCommand(byte[][] args, String name) {
        return args.length == 1 && new String(args[0], StandardCharsets.US_ASCII).equalsIgnoreCase(name);
    }

    private int next(long safe) throws IOException, AofFormatException {
        int b = in.read();
        if (b < 0) {
            throw new AofFormatException("unexpected end of file", true, pos, safe);
        }
        pos++;
        return b;
    }

    private void readFully(byte[] into, long safe) throws IOException, AofFormatException {
        int off = 0;
        while (off < into.length) {
            int n = in.read(into, off, into.length - off);
            if (n < 0) {
                throw new AofFormatException("unexpected end of file", true, pos, safe);
            }
            off += n;
            pos += n;
        }
    }

    /** A decimal number ended by CRLF, 0..max. */
    private long readNumber(long safe, long max) throws IOException, AofFormatException {
        long v = 0;
        int digits = 0;
        while (true) {
            int b = next(safe);
            if (b == '\r') {
                if (next(safe) != '\n') {
                    throw new AofFormatException("expected LF after CR", false, pos - 1, safe);
                }
                if (digits == 0) {
                    throw new AofFormatException("empty number", false, pos - 1, safe);
                }
                return v;
            }
            if (b < '0' || b > '9' || ++digits > 12) {
                throw new AofFormatException("bad number byte " + b, false, pos - 1, safe);
            }
            v = v * 10 + (b - '0');
            if (v > max) {
                throw new AofFormatException("number " + v + " above the limit " + max, false, pos - 1, safe);
            }
        }
    }
}
