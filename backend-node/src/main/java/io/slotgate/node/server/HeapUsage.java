package io.slotgate.node.server;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * The keyspace's memory as INFO reports it: heap in use right after the most recent garbage collection. Heap in
 * use at an arbitrary moment mostly measures garbage not yet collected; right after a collection it is the live
 * data (exactly so after a full collection, which MEMORY PURGE requests).
 */
public final class HeapUsage {

    private HeapUsage() {
    }

    /** Heap bytes in use after the latest collection of any collector; heap in use now if none ran yet. */
    public static long usedAfterLastGc() {
        long latestEnd = -1;
        long used = -1;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof com.sun.management.GarbageCollectorMXBean sun && sun.getLastGcInfo() != null) {
                var info = sun.getLastGcInfo();
                if (info.getEndTime() > latestEnd) {
                    latestEnd = info.getEndTime();
                    used = info.getMemoryUsageAfterGc().values().stream()
                            .filter(u -> u != null).mapToLong(MemoryUsage::getUsed).sum();
                }
            }
        }
        return used >= 0 ? used : usedNow();
    }

    /** Heap in use now, garbage included. */
    public static long usedNow() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Heap the JVM holds from the operating system. */
    public static long committed() {
        return Runtime.getRuntime().totalMemory();
    }
}
