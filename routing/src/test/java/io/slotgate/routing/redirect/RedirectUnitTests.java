package io.slotgate.routing.redirect;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.routing.redirect.Redirect.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectUnitTests {

    @Test
    void shouldParseMoved() {
        assertThat(Redirect.parse("MOVED 3999 127.0.0.1:6381"))
                .isEqualTo(new Redirect(Type.MOVED, 3999, "127.0.0.1", 6381));
    }

    @Test
    void shouldParseAsk() {
        Redirect ask = Redirect.parse("ASK 16383 10.0.0.7:7000");

        assertThat(ask).isEqualTo(new Redirect(Type.ASK, 16383, "10.0.0.7", 7000));
        assertThat(ask.address()).isEqualTo("10.0.0.7:7000");
    }

    @Test
    void shouldKeepAnEmptyEndpoint() {
        // cluster-preferred-endpoint-type unknown-endpoint (cluster-protocol.md §2).
        assertThat(Redirect.parse("MOVED 0 :6381")).isEqualTo(new Redirect(Type.MOVED, 0, "", 6381));
    }

    @Test
    void shouldResolveAnUnknownEndpointToTheSendersHost() {
        assertThat(Redirect.parse("MOVED 0 :6381").hostOr("10.0.0.9")).isEqualTo("10.0.0.9");
        assertThat(Redirect.parse("MOVED 0 ?:6381").hostOr("10.0.0.9")).isEqualTo("10.0.0.9");
        assertThat(Redirect.parse("MOVED 0 10.0.0.1:6381").hostOr("10.0.0.9")).isEqualTo("10.0.0.1");
    }

    @Test
    void shouldSplitAnIpv6EndpointOnTheLastColon() {
        assertThat(Redirect.parse("MOVED 12 ::1:7001")).isEqualTo(new Redirect(Type.MOVED, 12, "::1", 7001));
        assertThat(Redirect.parse("ASK 12 fe80::a:b:6379")).isEqualTo(new Redirect(Type.ASK, 12, "fe80::a:b", 6379));
    }

    @Test
    void shouldKeepAHostnameEndpoint() {
        assertThat(Redirect.parse("MOVED 5 redis-2.example.org:6379").host()).isEqualTo("redis-2.example.org");
        assertThat(Redirect.parse("MOVED 5 ?:6379").host()).isEqualTo("?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MOVED", "MOVED ", "MOVED 1", "MOVED 1 ", "MOVED 1 host", "MOVED 1 host:",
            "MOVED x host:1", "MOVED -1 host:1", "MOVED 16384 host:1", "MOVED 99999999999 host:1",
            "MOVED 1 host:0", "MOVED 1 host:65536", "MOVED 1 host:-1", "MOVED 1 host:12a", "MOVED  1 host:1",
            "MOVED 1  host:1", "MOVED 1 host:1 extra", "moved 1 host:1", "ASKING 1 host:1", "ERR MOVED 1 host:1",
            "CLUSTERDOWN Hash slot not served", "MOVED +1 host:1", "MOVED 1 host:+1"})
    void shouldReturnNullForMalformedText(String text) {
        assertThat(Redirect.parse(text)).isNull();
    }

    @Test
    void shouldReturnNullForNullAndOverlongText() {
        assertThat(Redirect.parse((CharSequence) null)).isNull();
        assertThat(Redirect.parse((ByteBuf) null)).isNull();
        assertThat(Redirect.parse("MOVED 1 " + "h".repeat(1000) + ":1")).isNull();
    }

    @Test
    void shouldParseAFrameWithoutMovingItsReaderIndex() {
        ByteBuf frame = buffer("+OK\r\n-MOVED 3999 127.0.0.1:6381\r\n");
        try {
            frame.readerIndex(5);

            assertThat(Redirect.parse(frame)).isEqualTo(new Redirect(Type.MOVED, 3999, "127.0.0.1", 6381));
            assertThat(frame.readerIndex()).isEqualTo(5);
        } finally {
            frame.release();
        }
    }

    @Test
    void shouldParseAFrameWithoutCrlf() {
        ByteBuf frame = buffer("-ASK 7 ::1:7002");
        try {
            assertThat(Redirect.parse(frame)).isEqualTo(new Redirect(Type.ASK, 7, "::1", 7002));
        } finally {
            frame.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+MOVED 1 h:1\r\n", "$5\r\nMOVED\r\n", "-ERR unknown command\r\n",
            "-MOVED 1 h\r\n", "-ASK\r\n", "-MOVED 1 h:1 x\r\n", ":1\r\n"})
    void shouldReturnNullForOtherFrames(String text) {
        ByteBuf frame = buffer(text);
        try {
            assertThat(Redirect.parse(frame)).isNull();
        } finally {
            frame.release();
        }
    }

    private static ByteBuf buffer(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }
}
