package io.slotgate.node.testsupport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.routing.resp.RespReplyScanner;
import io.slotgate.routing.resp.RespWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A test client that returns each reply as its exact wire text ("+OK\r\n", "$3\r\nbar\r\n"), so replies of two
 * servers can be compared byte for byte. Not thread-safe; close it.
 */
public final class RawRespClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteBuf inbound = Unpooled.buffer();
    private final RespReplyScanner scanner = new RespReplyScanner();

    private RawRespClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static RawRespClient open(int port) {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            s.setTcpNoDelay(true);
            return new RawRespClient(s);
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to clean
            }
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a command (multibulk) and returns the raw reply. */
    public String call(String... args) {
        send(args);
        return read();
    }

    public void send(String... args) {
        ByteBuf b = Unpooled.buffer();
        RespWriter.writeCommand(b, args);
        sendRaw(b);
    }

    /** Sends bytes as they are (inline commands, malformed input). */
    public void sendRaw(String text) {
        sendRaw(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    private void sendRaw(ByteBuf b) {
        try {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            b.release();
        }
    }

    /** Reads one complete reply as text. */
    public String read() {
        byte[] chunk = new byte[16384];
        try {
            while (true) {
                int len = scanner.scan(inbound);
                if (len >= 0) {
                    String s = inbound.toString(inbound.readerIndex(), len, StandardCharsets.UTF_8);
                    inbound.skipBytes(len);
                    inbound.discardReadBytes();
                    scanner.reset();
                    return s;
                }
                int n = in.read(chunk);
                if (n < 0) {
                    throw new UncheckedIOException(new IOException("connection closed"));
                }
                inbound.writeBytes(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True once the server closed the connection (waits up to the socket timeout). */
    public boolean isClosedByServer() {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    public void setTimeoutMillis(int ms) {
        try {
            socket.setSoTimeout(ms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // best effort
        }
        inbound.release();
    }
}
