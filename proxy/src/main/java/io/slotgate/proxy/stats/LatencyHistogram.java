package io.slotgate.proxy.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * Latency of one command type (time from request decoded to reply ready), as counts per bucket. Fixed bucket
 * bounds keep recording to one array scan and two adds, cheap enough for every request.
 */
public final class LatencyHistogram {

    /** Upper bounds in microseconds; a last open bucket holds everything slower. */
    static final long[] BOUNDS_MICROS = {100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000,
            200_000, 500_000, 1_000_000};

    private final String command;
    private final LongAdder[] buckets = new LongAdder[BOUNDS_MICROS.length + 1];
    private final LongAdder totalMicros = new LongAdder();

    public LatencyHistogram(String command) {
        this.command = command;
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    public String command() {
        return command;
    }

    public void record(long nanos) {
        long micros = nanos / 1000;
        int i = 0;
        while (i < BOUNDS_MICROS.length && micros > BOUNDS_MICROS[i]) {
            i++;
        }
        buckets[i].increment();
        totalMicros.add(micros);
    }

    public long calls() {
        long n = 0;
        for (LongAdder b : buckets) {
            n += b.sum();
        }
        return n;
    }

    public long totalMicros() {
        return totalMicros.sum();
    }

    /** Count of calls in bucket {@code i} (0..{@link #bucketCount()}-1). */
    public long bucket(int i) {
        return buckets[i].sum();
    }

    public int bucketCount() {
        return buckets.length;
    }

    /** Label of bucket {@code i}: "le_100us", ..., "le_1s", "gt_1s". */
    public static String bucketLabel(int i) {
        if (i >= BOUNDS_MICROS.length) {
            return "gt_" + human(BOUNDS_MICROS[BOUNDS_MICROS.length - 1]);
        }
        return "le_" + human(BOUNDS_MICROS[i]);
    }

    private static String human(long micros) {
        if (micros >= 1_000_000 && micros % 1_000_000 == 0) {
            return micros / 1_000_000 + "s";
        }
        if (micros >= 1000 && micros % 1000 == 0) {
            return micros / 1000 + "ms";
        }
        return micros + "us";
    }
}
