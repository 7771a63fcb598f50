package io.slotgate.node.replication;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PsyncDecisionUnitTests {

    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);

    private static ReplicationBacklog backlog(long start, int bytes) {
        ReplicationBacklog b = new ReplicationBacklog(100, start);
        var buf = Unpooled.wrappedBuffer(new byte[bytes]);
        b.append(buf);
        buf.release();
        return b;
    }

    @Test
    void shouldContinueWithTheCurrentIdInsideTheBacklog() {
        ReplicationBacklog b = backlog(10, 50); // bytes 11..60
        ReplicationIds ids = ReplicationIds.of(A);
        assertThat(PsyncDecision.decide(A, 11, ids, b).partial()).isTrue();
        assertThat(PsyncDecision.decide(A, 61, ids, b).partial()).as("nothing missing").isTrue();
        assertThat(PsyncDecision.decide(A, 62, ids, b).partial()).as("in the future").isFalse();
        assertThat(PsyncDecision.decide(A, 10, ids, b).partial()).as("already dropped").isFalse();
    }

    @Test
    void shouldAlwaysFullySyncAQuestionMarkOrAnUnknownId() {
        ReplicationBacklog b = backlog(0, 10);
        ReplicationIds ids = ReplicationIds.of(A);
        assertThat(PsyncDecision.decide("?", -1, ids, b).partial()).isFalse();
        assertThat(PsyncDecision.decide(B, 5, ids, b).partial()).isFalse();
        assertThat(PsyncDecision.decide(A, 5, ids, null).partial()).as("no backlog").isFalse();
    }

    @Test
    void shouldContinueWithThePreviousIdOnlyUpToWhereThatHistoryEnded() {
        ReplicationBacklog b = backlog(0, 100); // bytes 1..100
        ReplicationIds promoted = ReplicationIds.of(A).shift(40); // old id A valid up to 41
        assertThat(promoted.replid2()).isEqualTo(A);
        assertThat(promoted.secondOffset()).isEqualTo(41);
        assertThat(PsyncDecision.decide(A, 41, promoted, b).partial()).isTrue();
        assertThat(PsyncDecision.decide(A, 30, promoted, b).partial()).isTrue();
        assertThat(PsyncDecision.decide(A, 42, promoted, b).partial()).isFalse();
        assertThat(PsyncDecision.decide(promoted.replid(), 90, promoted, b).partial()).isTrue();
    }
}
