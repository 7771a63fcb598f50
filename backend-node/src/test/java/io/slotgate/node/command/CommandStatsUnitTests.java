package io.slotgate.node.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandStatsUnitTests {

    @Test
    void shouldTimeTheFirstCallSoThatARareCommandShowsATime() {
        CommandEntry.Stats stats = new CommandEntry.Stats();
        assertThat(stats.sampleNext()).isTrue();
        stats.calls.increment();
        stats.timed(5_000);
        assertThat(stats.micros()).isEqualTo(5);
    }

    @Test
    void shouldTimeAboutOneCallInSixteenAndScaleTheSampleToAllCalls() {
        CommandEntry.Stats stats = new CommandEntry.Stats();
        stats.calls.increment();
        stats.timed(2_000);
        int timed = 0;
        for (int i = 0; i < 160_000; i++) {
            stats.calls.increment();
            if (stats.sampleNext()) {
                timed++;
                stats.timed(2_000);
            }
        }
        assertThat(timed).isBetween(8_000, 12_000);
        assertThat(stats.micros()).isEqualTo(2 * 160_001L); // every call took 2 µs
    }

    @Test
    void shouldForgetEverythingOnReset() {
        CommandEntry.Stats stats = new CommandEntry.Stats();
        stats.calls.increment();
        stats.timed(3_000);
        stats.reset();
        assertThat(stats.calls.sum()).isZero();
        assertThat(stats.micros()).isZero();
    }
}
