package io.slotgate.routing.testsupport;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the cluster fixtures (real Redis and Slotgate nodes alike) share while they wait for a settled cluster. */
public final class ClusterPolling {

    private ClusterPolling() {
    }

    /** Distinct nodes named by a CLUSTER SLOTS reply (masters and listed replicas). */
    public static int countSlotsNodes(Object reply) {
        Set<String> named = new HashSet<>();
        if (reply instanceof List<?> ranges) {
            for (Object range : ranges) {
                List<?> entry = (List<?>) range;
                for (int i = 2; i < entry.size(); i++) {
                    List<?> node = (List<?>) entry.get(i);
                    named.add(RespConnection.text(node.get(0)) + ":" + node.get(1));
                }
            }
        }
        return named.size();
    }

    /** Sleeps between two polls; an interrupt ends the wait with an exception. */
    public static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cluster", e);
        }
    }
}
