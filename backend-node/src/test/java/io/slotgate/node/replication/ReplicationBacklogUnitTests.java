package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicationBacklogUnitTests {

    private static void append(ReplicationBacklog b, String s) {
        ByteBuf buf = Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
        b.append(buf);
        assertThat(buf.readableBytes()).as("append does not consume").isEqualTo(s.length());
        buf.release();
    }

    private static String from(ReplicationBacklog b, long offset) {
        ByteBuf out = b.copyFrom(offset);
        try {
            return out.toString(StandardCharsets.US_ASCII);
        } finally {
            out.release();
        }
    }

    @Test
    void shouldStartEmptyRightAfterItsCreationOffset() {
        ReplicationBacklog b = new ReplicationBacklog(16, 14);
        assertThat(b.offset()).isEqualTo(14);
        assertThat(b.firstByteOffset()).isEqualTo(15); // replication.md §4: FULLRESYNC 14 -> first byte 15
        assertThat(b.histlen()).isZero();
        assertThat(b.covers(15)).isTrue();
        assertThat(b.covers(14)).isFalse();
        assertThat(from(b, 15)).isEmpty();
    }

    @Test
    void shouldServeAnyRangeUpToTheEnd() {
        ReplicationBacklog b = new ReplicationBacklog(16, 0);
        append(b, "abcdef");
        assertThat(b.offset()).isEqualTo(6);
        assertThat(b.firstByteOffset()).isEqualTo(1);
        assertThat(from(b, 1)).isEqualTo("abcdef");
        assertThat(from(b, 4)).isEqualTo("def");
        assertThat(from(b, 7)).isEmpty();
        assertThat(b.covers(8)).isFalse();
    }

    @Test
    void shouldKeepOnlyTheLastSizeBytesAcrossWrapAround() {
        ReplicationBacklog b = new ReplicationBacklog(8, 100);
        append(b, "01234");
        append(b, "56789");
        append(b, "AB");
        assertThat(b.offset()).isEqualTo(112);
        assertThat(b.histlen()).isEqualTo(8);
        assertThat(b.firstByteOffset()).isEqualTo(105);
        assertThat(from(b, 105)).isEqualTo("456789AB");
        assertThat(from(b, 110)).isEqualTo("9AB");
        assertThat(b.covers(104)).isFalse();
        assertThatThrownBy(() -> b.copyFrom(104)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepTheTailOfAWriteLargerThanItself() {
        ReplicationBacklog b = new ReplicationBacklog(4, 0);
        append(b, "xy");
        append(b, "0123456789");
        assertThat(b.offset()).isEqualTo(12);
        assertThat(from(b, 9)).isEqualTo("6789");
        append(b, "Z");
        assertThat(from(b, 10)).isEqualTo("789Z");
    }
}
