package io.slotgate.routing.resp;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.slotgate.routing.testsupport.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sends the same bytes to a real redis-server 7.0 and to our decoder, and compares how each understood them. */
class RespProtocolErrorsIntegrationTests {

    private static RedisServerProcess redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.standalone();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    static List<MalformedRequests.Case> malformed() {
        return MalformedRequests.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void shouldWordProtocolErrorsExactlyAsRedisDoes(MalformedRequests.Case c) throws IOException {
        String redisReply = exchange(c.input());
        List<Object> ours = decode(c.input());

        assertThat(ours).hasSize(1).first().isInstanceOf(RespProtocolError.class);
        RespProtocolError error = (RespProtocolError) ours.get(0);
        assertThat("-" + error.errorText() + "\r\n").isEqualTo(redisReply);
        assertThat(error.message()).isEqualTo(c.expectedMessage());
    }

    @Test
    void shouldIgnoreWhatRedisIgnores() throws IOException {
        byte[] input = bytes("*0\r\n*-1\r\n*-7\r\n\r\n \t \r\n\nPING\r\n");
        assertThat(exchange(withQuit(input))).isEqualTo("+PONG\r\n+OK\r\n");
        assertThat(argsOf(decode(input))).containsExactly(List.of("PING"));
    }

    @Test
    void shouldBeAsLenientAsRedisAboutTerminators() throws IOException {
        // Redis skips the two bytes after bulk data and the byte after a length line's '\r' without looking.
        byte[] input = bytes("*1\r\n$4\r\nPINGXX*1\rX$4\r\nPING\r\n");
        assertThat(exchange(withQuit(input))).isEqualTo("+PONG\r\n+PONG\r\n+OK\r\n");
        assertThat(argsOf(decode(input))).containsExactly(List.of("PING"), List.of("PING"));
    }

    @Test
    void shouldSplitInlineArgumentsExactlyAsRedisDoes() throws IOException {
        List<String> lines = List.of("ECHO \"a\\\"b\\n\\r\\t\\b\\a\\\\\\x41\\x4g\\xZZ\"", "ECHO 'it\\'s \\n'",
                "ECHO x\"y z\"", "ECHO x\"y z\"'w'", "ECHO \"\"", "ECHO '\\x41'", "  ECHO\t\tplain  ", "ECHO \u00ff\u00fe\u0001");
        for (String line : lines) {
            byte[] input = bytes(line + "\r\n");
            String reply = exchange(withQuit(input));
            List<Object> ours = decode(input);
            assertThat(ours).as(line).hasSize(1);
            if (ours.get(0) instanceof RespProtocolError error) {
                assertThat(reply).as(line).isEqualTo("-" + error.errorText() + "\r\n");
                continue;
            }
            String arg = argsOf(ours).get(0).get(1);
            assertThat(reply).as(line).isEqualTo("$" + arg.length() + "\r\n" + arg + "\r\n+OK\r\n");
        }
    }

    /** Sends {@code input} on a fresh connection and returns everything Redis answers before closing it. */
    private static String exchange(byte[] input) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), redis.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(input);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                reply.write(chunk, 0, n);
            }
            return reply.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Redis answers QUIT with +OK and closes: the end of the answer to what came before. */
    private static byte[] withQuit(byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(input);
        out.writeBytes(bytes("QUIT\r\n"));
        return out.toByteArray();
    }

    /** What our decoder emits for {@code input} (requests released; returned as their argument lists). */
    private static List<Object> decode(byte[] input) {
        EmbeddedChannel channel = new EmbeddedChannel(new RespRequestDecoder());
        List<Object> out = new ArrayList<>();
        try {
            channel.writeInbound(Unpooled.copiedBuffer(input));
            for (Object msg; (msg = channel.readInbound()) != null; ) {
                if (msg instanceof RespRequest request) {
                    List<String> args = new ArrayList<>();
                    for (int i = 0; i < request.argCount(); i++) {
                        args.add(request.arg(i).toString(StandardCharsets.ISO_8859_1));
                    }
                    request.release();
                    out.add(args);
                } else {
                    out.add(msg);
                }
            }
        } finally {
            channel.finishAndReleaseAll();
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> argsOf(List<Object> decoded) {
        List<List<String>> args = new ArrayList<>();
        for (Object o : decoded) {
            assertThat(o).isInstanceOf(List.class);
            args.add((List<String>) o);
        }
        return args;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
