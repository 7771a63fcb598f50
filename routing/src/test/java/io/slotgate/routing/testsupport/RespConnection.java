package io.slotgate.routing.testsupport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.routing.resp.RespError;
import io.slotgate.routing.resp.RespReplyScanner;
import io.slotgate.routing.resp.RespRequest;
import io.slotgate.routing.resp.RespValues;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A blocking RESP client for tests: a plain socket, requests encoded by {@link RespRequest}, replies decoded by
 * {@link RespValues} (String, byte[], Long, List, Map, {@link RespError}). Pipelining: {@link #send} several,
 * {@link #flush}, then {@link #read} as many. Not thread-safe; close it.
 */
public final class RespConnection implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteBuf inbound = Unpooled.buffer(64 * 1024);
    private final RespReplyScanner scanner = new RespReplyScanner();
    private final byte[] chunk = new byte[64 * 1024];

    private RespConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    /** Connects to 127.0.0.1:{@code port}. */
    public static RespConnection open(int port) {
        return open("127.0.0.1", port, DEFAULT_TIMEOUT);
    }

    /** Connects with {@code timeout} for connecting and for each blocking read. */
    public static RespConnection open(String host, int port, Duration timeout) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            return new RespConnection(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("cannot connect to " + host + ":" + port, e);
        }
    }

    /** Sends one command and returns its reply. */
    public Object call(String... args) {
        send(args);
        flush();
        return read();
    }

    public Object call(byte[]... args) {
        send(args);
        flush();
        return read();
    }

    /** Sends one command and returns its reply as text (simple, bulk or verbatim string; an error throws). */
    public String callText(String... args) {
        Object reply = call(args);
        if (reply instanceof RespError err) {
            throw new IllegalStateException(String.join(" ", args) + " failed: " + err.text());
        }
        return text(reply);
    }

    /** Queues a command without flushing (for pipelines). */
    public void send(String... args) {
        write(RespRequest.of(args));
    }

    public void send(byte[]... args) {
        write(RespRequest.of(args));
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("write to " + socket.getRemoteSocketAddress() + " failed", e);
        }
    }

    /** Blocks until one complete reply arrived and returns it decoded. */
    public Object read() {
        try {
            while (true) {
                int length = scanner.scan(inbound);
                if (length >= 0) {
                    Object value = RespValues.read(inbound.slice(inbound.readerIndex(), length));
                    inbound.skipBytes(length);
                    inbound.discardSomeReadBytes();
                    scanner.reset();
                    return value;
                }
                int n = in.read(chunk);
                if (n < 0) {
                    throw new UncheckedIOException(new IOException("connection closed by "
                            + socket.getRemoteSocketAddress()));
                }
                inbound.writeBytes(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("read from " + socket.getRemoteSocketAddress() + " failed", e);
        }
    }

    /** Text of a decoded String or byte[] reply (UTF-8); anything else as {@code String.valueOf}. */
    public static String text(Object reply) {
        return reply instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(reply);
    }

    @Override
    public void close() {
        closeQuietly(socket);
        if (inbound.refCnt() > 0) {
            inbound.release();
        }
    }

    private void write(RespRequest request) {
        try {
            ByteBuf frame = request.frame();
            frame.getBytes(frame.readerIndex(), out, frame.readableBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("write to " + socket.getRemoteSocketAddress() + " failed", e);
        } finally {
            request.release();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket: nothing useful to do
        }
    }
}
