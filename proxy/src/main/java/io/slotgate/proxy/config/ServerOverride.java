package io.slotgate.proxy.config;

/**
 * Per-server read preference from {@code proxy.cluster.server-overrides}; a field left out ({@link #INHERIT})
 * keeps the value of the server's role.
 */
public record ServerOverride(int priority, int weight) {

    public static final int INHERIT = -1;

    public ServerOverride {
        if (priority < INHERIT || weight < INHERIT) {
            throw new IllegalArgumentException("override values must be >= 0");
        }
    }

    ReadPreference applyTo(ReadPreference role) {
        return new ReadPreference(priority == INHERIT ? role.priority() : priority,
                weight == INHERIT ? role.weight() : weight);
    }
}
