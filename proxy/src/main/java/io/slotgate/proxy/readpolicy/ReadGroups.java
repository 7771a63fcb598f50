package io.slotgate.proxy.readpolicy;

import io.slotgate.proxy.backend.BackendServer;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The servers of one shard grouped by read priority, highest first, with their weights. Immutable; built by
 * {@link ReadPolicy} when a slot map is installed.
 */
public final class ReadGroups {

    private final BackendServer[][] servers;
    private final int[][] weights;

    ReadGroups(BackendServer[][] servers, int[][] weights) {
        this.servers = servers;
        this.weights = weights;
    }

    /**
     * A server for a read: the first group (by priority) with a healthy server of non-zero weight, and within it a
     * weighted random choice among the healthy ones.
     *
     * @return null if every server of the shard is marked failed
     */
    public BackendServer pick(long nowNanos) {
        return pick(nowNanos, null);
    }

    /** As {@link #pick(long)}, treating {@code avoid} (a server that just failed this request) as failed. */
    public BackendServer pick(long nowNanos, BackendServer avoid) {
        for (int g = 0; g < servers.length; g++) {
            BackendServer[] group = servers[g];
            int[] w = weights[g];
            if (group.length == 1) {
                if (group[0] != avoid && !group[0].isFailed(nowNanos)) {
                    return group[0];
                }
                continue;
            }
            int total = 0;
            for (int i = 0; i < group.length; i++) {
                if (group[i] != avoid && !group[i].isFailed(nowNanos)) {
                    total += w[i];
                }
            }
            if (total == 0) {
                continue;
            }
            int r = ThreadLocalRandom.current().nextInt(total);
            for (int i = 0; i < group.length; i++) {
                if (group[i] != avoid && !group[i].isFailed(nowNanos)) {
                    r -= w[i];
                    if (r < 0) {
                        return group[i];
                    }
                }
            }
        }
        return null;
    }

    public int groupCount() {
        return servers.length;
    }
}
