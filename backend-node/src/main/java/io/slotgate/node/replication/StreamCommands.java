package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.routing.resp.RespWriter;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encodes commands of the replication stream as RESP multibulks (replication.md §3). */
final class StreamCommands {

    static final byte[] PING = ascii("*1\r\n$4\r\nPING\r\n");
    static final byte[] SELECT_0 = ascii("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n");
    static final byte[] GETACK = ascii("*3\r\n$8\r\nREPLCONF\r\n$6\r\nGETACK\r\n$1\r\n*\r\n");

    private StreamCommands() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static ByteBuf of(byte[]... args) {
        int size = 16;
        for (byte[] a : args) {
            size += a.length + 16;
        }
        ByteBuf b = Unpooled.buffer(size);
        RespWriter.writeArrayHeader(b, args.length);
        for (byte[] a : args) {
            RespWriter.writeBulk(b, a);
        }
        return b;
    }

    static ByteBuf of(List<byte[]> args) {
        return of(args.toArray(byte[][]::new));
    }

    static ByteBuf of(String... args) {
        byte[][] b = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            b[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return of(b);
    }
}
