package io.slotgate.proxy.routing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyKindUnitTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-MOVED 3999 127.0.0.1:6381|MOVED",
            "-ASK 3999 127.0.0.1:6381|ASK",
            "-TRYAGAIN Multiple keys request during rehashing of slot|TRYAGAIN",
            "-CLUSTERDOWN The cluster is down|CLUSTERDOWN",
            "-CLUSTERDOWN Hash slot not served|CLUSTERDOWN",
            "-ERR MOVED is not an error code here|FINAL",
            "-MOVEDX|FINAL",
            "-ASKING|FINAL",
            "+MOVED 1 a:1|FINAL",
            "$5|FINAL",
            ":1|FINAL"})
    void shouldRecogniseRedirectsAndRetryableErrorsByTheirPrefix(String line, ReplyKind expected) {
        ByteBuf reply = Unpooled.copiedBuffer(line + "\r\n", StandardCharsets.US_ASCII);
        try {
            assertThat(ReplyKind.of(reply)).isEqualTo(expected);
        } finally {
            reply.release();
        }
    }
}
