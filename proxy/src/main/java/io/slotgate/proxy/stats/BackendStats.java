package io.slotgate.proxy.stats;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one backend server, updated by every event loop that talks to it and read by INFO. */
public final class BackendStats {

    public final LongAdder requests = new LongAdder();
    public final LongAdder responses = new LongAdder();
    public final LongAdder errors = new LongAdder();
    public final LongAdder failures = new LongAdder();
    public final LongAdder bytesIn = new LongAdder();
    public final LongAdder bytesOut = new LongAdder();
    public final AtomicInteger connections = new AtomicInteger();
}
