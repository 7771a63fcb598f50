package io.slotgate.routing.command;

import io.slotgate.routing.resp.RespRequest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain socket to a real redis-server that asks COMMAND GETKEYS for many requests, pipelined. Each answer is
 * the list of keys, or null when the server replied with an error.
 */
final class GetKeysConnection implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    GetKeysConnection(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    /** COMMAND GETKEYS for each argument list, in order. */
    List<List<String>> getKeys(List<List<String>> requests) throws IOException {
        List<List<String>> answers = new ArrayList<>(requests.size());
        int batch = 256;
        for (int from = 0; from < requests.size(); from += batch) {
            int to = Math.min(requests.size(), from + batch);
            for (List<String> args : requests.subList(from, to)) {
                List<String> full = new ArrayList<>(args.size() + 2);
                full.add("COMMAND");
                full.add("GETKEYS");
                full.addAll(args);
                RespRequest request = RespRequest.of(full.toArray(String[]::new));
                try {
                    request.frame().getBytes(request.frame().readerIndex(), out, request.frame().readableBytes());
                } finally {
                    request.release();
                }
            }
            out.flush();
            for (int i = from; i < to; i++) {
                answers.add(readAnswer());
            }
        }
        return answers;
    }

    private List<String> readAnswer() throws IOException {
        int type = in.read();
        String line = readLine();
        if (type == '-') {
            return null;
        }
        if (type != '*') {
            throw new IOException("unexpected reply type " + (char) type + line);
        }
        int n = Integer.parseInt(line);
        List<String> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (in.read() != '$') {
                throw new IOException("expected a bulk string");
            }
            int len = Integer.parseInt(readLine());
            byte[] b = in.readNBytes(len + 2);
            keys.add(new String(b, 0, len, StandardCharsets.UTF_8));
        }
        return keys;
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            sb.append((char) c);
        }
        in.read();
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
