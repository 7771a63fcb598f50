package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.Arrays;
import java.util.List;

/**
 * Incremental decoder of client requests (RESP2 multibulk and inline form) into {@link RespRequest}s.
 * <p>
 * Emits {@link RespRequest} (caller releases) or one {@link RespProtocolError}, after which all input is
 * discarded. Limits follow Redis: see {@link RespLimits}.
 * <p>
 * Framing follows Redis 7.0's processMultibulkBuffer / processInlineBuffer, including its leniencies: a length
 * line ends at the first '\r' and the byte after it is skipped unchecked; the two bytes after bulk data are
 * skipped unchecked; "*0" and negative counts are ignored. A multibulk request's frame is a slice of the received
 * bytes holding one reference to them (no copy); positions are relative to the request's first byte, so an incomplete request keeps
 * its progress across reads and is never rescanned.
 */
public final class RespRequestDecoder extends ByteToMessageDecoder {

    private enum State { REQUEST_START, MULTIBULK_COUNT, BULK_LENGTH, BULK_DATA, INLINE_LINE, FAILED }

    /** Argument slots allocated up front; a huge declared count is not trusted with memory until data arrives. */
    private static final int INITIAL_ARGS = 8;

    private final RespLimits limits;
    private final DecimalScanner decimal = new DecimalScanner();

    private State state = State.REQUEST_START;
    /** Bytes of the current request consumed by the state machine, from the reader index. */
    private int offset;
    /** Where the search for the current line's terminator resumes, from the reader index. */
    private int searchFrom;
    private int argsExpected;
    private int argsRead;
    private int[] positions;
    private long bulkLength;

    public RespRequestDecoder() {
        this(RespLimits.DEFAULT);
    }

    public RespRequestDecoder(RespLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(in, out, ctx.alloc());
    }

    /**
     * Frames as many requests as {@code in} holds, for use outside a pipeline (benchmarks, tools). Complete
     * requests are consumed from {@code in}; a trailing partial request is left in it (the decoder remembers its
     * progress), so the caller must pass the same bytes again, with more appended.
     */
    public void decode(ByteBuf in, List<Object> out) {
        decode(in, out, ByteBufAllocator.DEFAULT);
    }

    private void decode(ByteBuf in, List<Object> out, ByteBufAllocator alloc) {
        while (true) {
            switch (state) {
                case FAILED -> {
                    in.skipBytes(in.readableBytes());
                    return;
                }
                case REQUEST_START -> {
                    if (!in.isReadable()) {
                        return;
                    }
                    offset = 0;
                    searchFrom = 0;
                    state = in.getByte(in.readerIndex()) == '*' ? State.MULTIBULK_COUNT : State.INLINE_LINE;
                }
                case MULTIBULK_COUNT -> {
                    if (!readMultibulkCount(in, out)) {
                        return;
                    }
                }
                case BULK_LENGTH -> {
                    if (!readBulkLength(in, out)) {
                        return;
                    }
                }
                case BULK_DATA -> {
                    if (!readBulkData(in, out)) {
                        return;
                    }
                }
                case INLINE_LINE -> {
                    if (!readInline(in, out, alloc)) {
                        return;
                    }
                }
            }
        }
    }

    /** "*&lt;count&gt;\r\n". Returns false when more bytes are needed or the input failed. */
    private boolean readMultibulkCount(ByteBuf in, List<Object> out) {
        int base = in.readerIndex();
        int cr = decimal.scan(in, base + 1, in.writerIndex());
        long count;
        if (cr >= 0) {
            count = decimal.value();
        } else {
            cr = findLineEnd(in, base, "too big mbulk count string", out);
            if (cr < 0) {
                return false;
            }
            count = RespNumbers.parseLong(in, base + 1, cr - base - 1);
        }
        if (count == RespNumbers.INVALID || count > Math.min(limits.maxMultibulkLength(), Integer.MAX_VALUE)) {
            return fail(in, out, "invalid multibulk length");
        }
        offset = cr + 2 - base;
        if (count <= 0) {
            // Redis ignores empty and negative counts: nothing to run, the bytes are simply consumed.
            in.skipBytes(offset);
            state = State.REQUEST_START;
            return true;
        }
        argsExpected = (int) count;
        argsRead = 0;
        positions = new int[2 * Math.min(argsExpected, INITIAL_ARGS)];
        searchFrom = offset;
        state = State.BULK_LENGTH;
        return true;
    }

    /** "$&lt;length&gt;\r\n". */
    private boolean readBulkLength(ByteBuf in, List<Object> out) {
        int base = in.readerIndex();
        int lineStart = base + offset;
        if (lineStart < in.writerIndex() && in.getByte(lineStart) == '$') {
            int cr = decimal.scan(in, lineStart + 1, in.writerIndex());
            if (cr >= 0 && decimal.value() <= limits.maxBulkLength()
                    && decimal.value() <= Integer.MAX_VALUE - 2 - offset) {
                offset = cr + 2 - base;
                bulkLength = decimal.value();
                state = State.BULK_DATA;
                return true;
            }
        }
        int cr = findLineEnd(in, lineStart, "too big bulk count string", out);
        if (cr < 0) {
            return false;
        }
        byte first = in.getByte(lineStart);
        if (first != '$') {
            // Redis prints the byte with %c and turns CR/LF into spaces to keep its reply on one line.
            char shown = first == '\r' || first == '\n' ? ' ' : (char) (first & 0xff);
            return fail(in, out, "expected '$', got '" + shown + "'");
        }
        long len = RespNumbers.parseLong(in, lineStart + 1, cr - lineStart - 1);
        if (len == RespNumbers.INVALID || len < 0 || len > limits.maxBulkLength()
                || len > Integer.MAX_VALUE - 2 - offset) {
            return fail(in, out, "invalid bulk length");
        }
        offset = cr + 2 - base;
        bulkLength = len;
        state = State.BULK_DATA;
        return true;
    }

    /** The argument's bytes plus two terminator bytes (not checked, as in Redis). */
    private boolean readBulkData(ByteBuf in, List<Object> out) {
        if (in.readableBytes() - offset < bulkLength + 2) {
            return false;
        }
        if (2 * argsRead == positions.length) {
            positions = Arrays.copyOf(positions, 2 * Math.min(argsExpected, 2 * argsRead));
        }
        positions[2 * argsRead] = offset;
        positions[2 * argsRead + 1] = (int) bulkLength;
        argsRead++;
        offset += (int) bulkLength + 2;
        searchFrom = offset;
        if (argsRead < argsExpected) {
            state = State.BULK_LENGTH;
            return true;
        }
        // retain + slice rather than retainedSlice: same ownership, but a plain object instead of a pooled derived
        // buffer from Netty's recycler, which profiled as a top per-request cost in the proxy.
        ByteBuf frame = in.retain().slice(in.readerIndex(), offset);
        in.skipBytes(offset);
        out.add(new RespRequest(frame, positions, argsExpected, false));
        positions = null;
        state = State.REQUEST_START;
        return true;
    }

    /**
     * Finds the '\r' ending a length line that starts at {@code lineStart}, as Redis does (strchr for '\r', then
     * one more byte assumed to be '\n').
     *
     * @return the index of '\r', or -1 when more bytes are needed or the line is too long (then failed)
     */
    private int findLineEnd(ByteBuf in, int lineStart, String tooBig, List<Object> out) {
        int base = in.readerIndex();
        int limit = in.writerIndex();
        int cr = in.indexOf(Math.max(lineStart, base + searchFrom), limit, (byte) '\r');
        if (cr < 0) {
            if (limit - lineStart > limits.maxInlineLength()) {
                fail(in, out, tooBig);
            } else {
                searchFrom = limit - base;
            }
            return -1;
        }
        if (cr + 1 >= limit) {
            searchFrom = cr - base;
            return -1;
        }
        return cr;
    }

    /** An inline request: one line ending in '\n' (optionally "\r\n"), split like sdssplitargs. */
    private boolean readInline(ByteBuf in, List<Object> out, ByteBufAllocator alloc) {
        int base = in.readerIndex();
        int limit = in.writerIndex();
        int lf = in.indexOf(base + searchFrom, limit, (byte) '\n');
        if (lf < 0) {
            if (limit - base > limits.maxInlineLength()) {
                return fail(in, out, "too big inline request");
            }
            searchFrom = limit - base;
            return false;
        }
        int lineEnd = lf > base && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        List<byte[]> args = InlineArgs.split(in, base, lineEnd);
        if (args == null) {
            return fail(in, out, "unbalanced quotes in request");
        }
        in.skipBytes(lf + 1 - base);
        state = State.REQUEST_START;
        if (!args.isEmpty()) {
            out.add(encodeInline(args, alloc));
        }
        return true;
    }

    /** Re-encodes inline arguments as a multibulk, so every request can be forwarded the same way. */
    private static RespRequest encodeInline(List<byte[]> args, ByteBufAllocator alloc) {
        int size = 16;
        for (byte[] a : args) {
            size += a.length + 16;
        }
        ByteBuf frame = alloc.buffer(size);
        int[] argPositions = new int[2 * args.size()];
        RespWriter.writeArrayHeader(frame, args.size());
        for (int i = 0; i < args.size(); i++) {
            byte[] a = args.get(i);
            frame.writeByte('$');
            RespWriter.writeDecimalLine(frame, a.length);
            argPositions[2 * i] = frame.writerIndex();
            argPositions[2 * i + 1] = a.length;
            frame.writeBytes(a);
            frame.writeShort(RespWriter.CRLF_SHORT);
        }
        return new RespRequest(frame, argPositions, args.size(), true);
    }

    private boolean fail(ByteBuf in, List<Object> out, String message) {
        state = State.FAILED;
        positions = null;
        in.skipBytes(in.readableBytes());
        out.add(new RespProtocolError(message));
        return false;
    }
}
