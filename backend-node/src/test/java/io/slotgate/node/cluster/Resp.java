package io.slotgate.node.cluster;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Decodes one RESP2 reply for assertions: simple/bulk → String, integer → Long, array → List, error → Err. */
final class Resp {

    record Err(String text) {
    }

    private Resp() {
    }

    /** Parses and releases {@code buf}. */
    static Object parse(ByteBuf buf) {
        try {
            Object v = read(buf);
            if (buf.isReadable()) {
                throw new IllegalStateException("trailing bytes after reply");
            }
            return v;
        } finally {
            buf.release();
        }
    }

    private static Object read(ByteBuf buf) {
        byte type = buf.readByte();
        String line = readLine(buf);
        switch (type) {
            case '+':
                return line;
            case '-':
                return new Err(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int len = Integer.parseInt(line);
                if (len < 0) {
                    return null;
                }
                String s = buf.readCharSequence(len, StandardCharsets.UTF_8).toString();
                if (buf.readByte() != '\r' || buf.readByte() != '\n') {
                    throw new IllegalStateException("bulk without CRLF");
                }
                return s;
            }
            case '*': {
                int n = Integer.parseInt(line);
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    out.add(read(buf));
                }
                return out;
            }
            default:
                throw new IllegalStateException("bad reply type " + (char) type);
        }
    }

    private static String readLine(ByteBuf buf) {
        int end = buf.indexOf(buf.readerIndex(), buf.writerIndex(), (byte) '\r');
        String s = buf.readCharSequence(end - buf.readerIndex(), StandardCharsets.UTF_8).toString();
        buf.skipBytes(2);
        return s;
    }
}
