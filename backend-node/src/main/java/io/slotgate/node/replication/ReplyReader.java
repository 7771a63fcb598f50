package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a complete RESP2 reply a command just wrote (bulk, array, integer, simple) into Java values, so a
 * non-deterministic command can be propagated as what it actually did (SPOP's members, BLPOP's key...).
 */
final class ReplyReader {

    private final ByteBuf in;
    private int pos;

    private ReplyReader(ByteBuf in) {
        this.in = in;
        this.pos = in.readerIndex();
    }

    /** byte[] for bulk/simple strings, Long for integers, List for arrays, null for nil or errors. */
    static Object read(ByteBuf reply) {
        if (reply == null || !reply.isReadable()) {
            return null;
        }
        return new ReplyReader(reply).value();
    }

    private Object value() {
        byte type = in.getByte(pos++);
        String line = line();
        switch (type) {
            case '$' -> {
                int len = Integer.parseInt(line);
                if (len < 0) {
                    return null;
                }
                byte[] b = new byte[len];
                in.getBytes(pos, b);
                pos += len + 2;
                return b;
            }
            case '*' -> {
                int n = Integer.parseInt(line);
                if (n < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(value());
                }
                return items;
            }
            case ':' -> {
                return Long.parseLong(line);
            }
            case '+', ',' -> {
                return line.getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                return null;
            }
        }
    }

    private String line() {
        int end = pos;
        while (in.getByte(end) != '\r') {
            end++;
        }
        String s = in.toString(pos, end - pos, StandardCharsets.UTF_8);
        pos = end + 2;
        return s;
    }
}
