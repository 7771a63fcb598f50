package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RespValuesUnitTests {

    private static Object read(String wire) {
        ByteBuf buf = Unpooled.copiedBuffer(wire, StandardCharsets.UTF_8);
        try {
            Object value = RespValues.read(buf);
            assertThat(buf.isReadable()).as("reply fully consumed").isFalse();
            return value;
        } finally {
            buf.release();
        }
    }

    @Test
    void shouldDecodeResp2Scalars() {
        assertThat(read("+OK\r\n")).isEqualTo("OK");
        assertThat(read("-MOVED 3999 127.0.0.1:6381\r\n")).isEqualTo(new RespError("MOVED 3999 127.0.0.1:6381"));
        assertThat(read(":-42\r\n")).isEqualTo(-42L);
        assertThat(read("$5\r\nhe\r\nx\r\n")).isEqualTo("he\r\nx".getBytes(StandardCharsets.UTF_8));
        assertThat(read("$0\r\n\r\n")).isEqualTo(new byte[0]);
        assertThat(read("$-1\r\n")).isNull();
        assertThat(read("*-1\r\n")).isNull();
    }

    @Test
    void shouldDecodeNestedArraysAsLists() {
        Object value = read("*3\r\n:0\r\n:5460\r\n*3\r\n$9\r\n127.0.0.1\r\n:7000\r\n$3\r\nabc\r\n");
        assertThat(value).isInstanceOf(List.class);
        List<?> list = (List<?>) value;
        assertThat(list).hasSize(3);
        assertThat(list.get(0)).isEqualTo(0L);
        assertThat(list.get(1)).isEqualTo(5460L);
        List<?> node = (List<?>) list.get(2);
        assertThat((byte[]) node.get(0)).asString().isEqualTo("127.0.0.1");
        assertThat(node.get(1)).isEqualTo(7000L);
        assertThat(read("*0\r\n")).isEqualTo(List.of());
    }

    @Test
    void shouldDecodeResp3Types() {
        assertThat(read("_\r\n")).isNull();
        assertThat(read(",3.25\r\n")).isEqualTo(3.25);
        assertThat(read(",inf\r\n")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(read(",-inf\r\n")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat((Double) read(",nan\r\n")).isNaN();
        assertThat(read("#t\r\n")).isEqualTo(true);
        assertThat(read("#f\r\n")).isEqualTo(false);
        assertThat(read("(3492890328409238509324850943850943825024385\r\n"))
                .isEqualTo(new BigInteger("3492890328409238509324850943850943825024385"));
        assertThat(read("!21\r\nSYNTAX invalid syntax\r\n")).isEqualTo(new RespError("SYNTAX invalid syntax"));
        assertThat((byte[]) read("=15\r\ntxt:Some string\r\n")).asString().isEqualTo("Some string");
        assertThat(read("~2\r\n:1\r\n+a\r\n")).isEqualTo(List.of(1L, "a"));
        assertThat(read(">2\r\n+message\r\n:7\r\n")).isEqualTo(List.of("message", 7L));
    }

    @Test
    void shouldDecodeMapsWithStringKeysInOrder() {
        Object value = read("%2\r\n$5\r\nslots\r\n*2\r\n:0\r\n:100\r\n+nodes\r\n*0\r\n");
        assertThat(value).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) value;
        assertThat(map.keySet()).containsExactly((Object) "slots", "nodes");
        assertThat(map.get("slots")).isEqualTo(List.of(0L, 100L));
        assertThat(map.get("nodes")).isEqualTo(List.of());
    }

    @Test
    void shouldSkipAttributesAndReturnTheAnnotatedValue() {
        assertThat(read("|1\r\n+key-popularity\r\n%1\r\n$1\r\na\r\n,0.19\r\n*1\r\n:2\r\n")).isEqualTo(List.of(2L));
    }

    @Test
    void shouldReadOneReplyAndLeaveTheNextInTheBuffer() {
        ByteBuf buf = Unpooled.copiedBuffer("+first\r\n:2\r\n", StandardCharsets.US_ASCII);
        try {
            assertThat(RespValues.read(buf)).isEqualTo("first");
            assertThat(RespValues.read(buf)).isEqualTo(2L);
            assertThat(buf.isReadable()).isFalse();
        } finally {
            buf.release();
        }
    }

    @Test
    void shouldRejectIncompleteRepliesWithoutConsumingThem() {
        for (String partial : List.of("", "+OK", "+OK\r", "$5\r\nab", "*2\r\n:1\r\n", "%1\r\n+a\r\n", "|1\r\n+a\r\n+b\r\n")) {
            ByteBuf buf = Unpooled.copiedBuffer(partial, StandardCharsets.US_ASCII);
            try {
                assertThatThrownBy(() -> RespValues.read(buf)).as(partial).isInstanceOf(RespProtocolException.class);
                assertThat(buf.readerIndex()).isZero();
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void shouldRejectMalformedReplies() {
        for (String bad : List.of("?1\r\n", ":12a\r\n", "$-2\r\n", "$3\r\nabcde\r\n", "#x\r\n", ",one\r\n",
                "*-2\r\n", "+OK\n", "=3\r\nabc\r\n", "_x\r\n", "%-1\r\n")) {
            ByteBuf buf = Unpooled.copiedBuffer(bad, StandardCharsets.US_ASCII);
            try {
                assertThatThrownBy(() -> RespValues.read(buf)).as(bad).isInstanceOf(RespProtocolException.class);
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void shouldRejectNestingDeeperThanTheLimit() {
        String deep = "*1\r\n".repeat(RespValues.MAX_DEPTH + 2) + ":1\r\n";
        assertThatThrownBy(() -> read(deep)).isInstanceOf(RespProtocolException.class).hasMessageContaining("nested");
        String ok = "*1\r\n".repeat(RespValues.MAX_DEPTH) + ":1\r\n";
        assertThat(read(ok)).isInstanceOf(List.class);
    }
}
