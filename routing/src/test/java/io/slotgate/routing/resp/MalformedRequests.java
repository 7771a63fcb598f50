package io.slotgate.routing.resp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Malformed client inputs and the protocol error Redis 7.0 answers each with (checked against a real
 * redis-server by {@link RespProtocolErrorsIntegrationTests}).
 */
final class MalformedRequests {

    record Case(String name, byte[] input, String expectedMessage) {
        @Override
        public String toString() {
            return name;
        }
    }

    private MalformedRequests() {
    }

    static List<Case> all() {
        return List.of(
                c("non-digit multibulk count", "*abc\r\n", "invalid multibulk length"),
                c("multibulk count with plus sign", "*+1\r\n$4\r\nPING\r\n", "invalid multibulk length"),
                c("multibulk count with leading zero", "*01\r\n$4\r\nPING\r\n", "invalid multibulk length"),
                c("multibulk count minus zero", "*-0\r\n", "invalid multibulk length"),
                c("multibulk count above INT_MAX", "*2147483648\r\n", "invalid multibulk length"),
                c("huge multibulk count", "*99999999999999999999999\r\n", "invalid multibulk length"),
                c("multibulk count with trailing space", "*1 \r\n$4\r\nPING\r\n", "invalid multibulk length"),
                c("negative bulk length", "*1\r\n$-1\r\n", "invalid bulk length"),
                c("non-digit bulk length", "*1\r\n$abc\r\n", "invalid bulk length"),
                c("bulk length with leading zero", "*1\r\n$04\r\nPING\r\n", "invalid bulk length"),
                c("bulk length with space", "*1\r\n$ 4\r\nPING\r\n", "invalid bulk length"),
                c("empty bulk length", "*1\r\n$\r\n", "invalid bulk length"),
                c("bulk length over proto-max-bulk-len", "*1\r\n$600000000\r\n", "invalid bulk length"),
                c("bulk header without dollar", "*1\r\nx3\r\nfoo\r\n", "expected '$', got 'x'"),
                c("missing bulk header", "*2\r\n$4\r\nECHO\r\n:1\r\n", "expected '$', got ':'"),
                c("empty line instead of bulk header", "*1\r\n\r\n", "expected '$', got ' '"),
                c("unterminated double quote", "PING \"abc\r\n", "unbalanced quotes in request"),
                c("text after closing double quote", "ECHO \"a\"b\r\n", "unbalanced quotes in request"),
                c("unterminated single quote", "ECHO 'abc\n", "unbalanced quotes in request"),
                c("text after closing single quote", "ECHO 'a'b\r\n", "unbalanced quotes in request"),
                new Case("inline line over 64 KB", ("PING " + "x".repeat(70_000)).getBytes(StandardCharsets.US_ASCII),
                        "too big inline request"),
                new Case("multibulk count line over 64 KB", ("*" + "1".repeat(70_000)).getBytes(StandardCharsets.US_ASCII),
                        "too big mbulk count string"),
                new Case("bulk length line over 64 KB",
                        ("*1\r\n$" + "1".repeat(70_000)).getBytes(StandardCharsets.US_ASCII),
                        "too big bulk count string"));
    }

    private static Case c(String name, String input, String expectedMessage) {
        return new Case(name, input.getBytes(StandardCharsets.ISO_8859_1), expectedMessage);
    }
}
