package io.slotgate.launcher;

import java.util.Map;
import java.util.Properties;

/**
 * Netty settings for production runs of the launcher, applied before any Netty class is loaded; a value given on
 * the command line (-D...) wins. Both showed in the proxy's per-request profile: the leak detector samples and
 * wraps buffers and touches every message in the pipeline, and Netty's Recycler hands out pooled buffer and
 * outbound-entry objects through a lock-free queue, which costs more than plain allocation under ParallelGC.
 * Tests start proxies and nodes in-process and keep Netty's defaults (leak detection on).
 */
final class NettyDefaults {

    static final Map<String, String> PRODUCTION = Map.of(
            "io.netty.leakDetection.level", "disabled",
            "io.netty.recycler.maxCapacityPerThread", "0");

    private NettyDefaults() {
    }

    /** Sets every production default that {@code props} does not already hold. */
    static void apply(Properties props) {
        PRODUCTION.forEach(props::putIfAbsent);
    }
}
