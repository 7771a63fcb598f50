package io.slotgate.proxy.config;

/**
 * Read routing weights of one kind of server. Reads go to the group with the highest priority that has a healthy
 * server; within a group, servers are picked at random in proportion to their weight (0 = never picked).
 *
 * @param priority higher wins; groups are formed by equal priority
 * @param weight   relative share of reads within the group
 */
public record ReadPreference(int priority, int weight) {

    public ReadPreference {
        if (priority < 0) {
            throw new IllegalArgumentException("read priority must be >= 0, got " + priority);
        }
        if (weight < 0) {
            throw new IllegalArgumentException("read weight must be >= 0, got " + weight);
        }
    }
}
