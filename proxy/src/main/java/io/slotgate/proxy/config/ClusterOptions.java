package io.slotgate.proxy.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backend cluster the proxy serves: seeds, credentials, read policy and failure handling ({@code proxy.cluster}).
 *
 * @param servers            seed nodes; any one answering is enough to learn the slot map
 * @param password           AUTH password sent on every backend connection ("" = none)
 * @param master             read priority/weight of masters
 * @param replica            read priority/weight of replicas
 * @param overrides          per-server read priority/weight, keyed by "host:port" as the cluster names the node
 * @param refreshInterval    period of slot-map refreshes (a refresh also starts at once on MOVED or failures)
 * @param serverTimeout      longest wait for a backend reply before the client gets an error
 * @param serverFailureLimit consecutive failures after which a backend is marked failed
 * @param serverRetryTimeout how long a failed backend is avoided before it is tried again
 * @param keepalive          TCP keepalive idle time on backend connections (0 = off)
 */
public record ClusterOptions(List<HostPort> servers, String password, ReadPreference master, ReadPreference replica,
                             Map<String, ServerOverride> overrides, Duration refreshInterval, Duration serverTimeout,
                             int serverFailureLimit, Duration serverRetryTimeout, Duration keepalive) {

    public static final List<HostPort> DEFAULT_SERVERS = List.of(new HostPort("127.0.0.1", 7000));
    public static final String DEFAULT_PASSWORD = "";
    public static final ReadPreference DEFAULT_MASTER = new ReadPreference(60, 1);
    public static final ReadPreference DEFAULT_REPLICA = new ReadPreference(50, 1);
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_SERVER_TIMEOUT = Duration.ofSeconds(1);
    public static final int DEFAULT_SERVER_FAILURE_LIMIT = 10;
    public static final Duration DEFAULT_SERVER_RETRY_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(120);

    public static final ClusterOptions DEFAULT = builder().build();

    public ClusterOptions {
        servers = List.copyOf(servers);
        overrides = Map.copyOf(overrides);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one seed server is needed");
        }
        requirePositive(refreshInterval, "refresh-interval");
        requirePositive(serverTimeout, "server-timeout");
        requirePositive(serverRetryTimeout, "server-retry-timeout");
        if (keepalive.isNegative()) {
            throw new IllegalArgumentException("keepalive must not be negative");
        }
        if (serverFailureLimit < 1) {
            throw new IllegalArgumentException("server-failure-limit must be >= 1, got " + serverFailureLimit);
        }
    }

    private static void requirePositive(Duration d, String key) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + d);
        }
    }

    /** The read preference of one server: its override if any, else its role's. */
    public ReadPreference readPreference(String address, boolean isMaster) {
        ReadPreference role = isMaster ? master : replica;
        ServerOverride o = overrides.get(address);
        return o == null ? role : o.applyTo(role);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.servers = new ArrayList<>(servers);
        b.password = password;
        b.master = master;
        b.replica = replica;
        b.overrides = new LinkedHashMap<>(overrides);
        b.refreshInterval = refreshInterval;
        b.serverTimeout = serverTimeout;
        b.serverFailureLimit = serverFailureLimit;
        b.serverRetryTimeout = serverRetryTimeout;
        b.keepalive = keepalive;
        return b;
    }

    public static final class Builder {
        private List<HostPort> servers = new ArrayList<>(DEFAULT_SERVERS);
        private String password = DEFAULT_PASSWORD;
        private ReadPreference master = DEFAULT_MASTER;
        private ReadPreference replica = DEFAULT_REPLICA;
        private Map<String, ServerOverride> overrides = new LinkedHashMap<>();
        private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;
        private Duration serverTimeout = DEFAULT_SERVER_TIMEOUT;
        private int serverFailureLimit = DEFAULT_SERVER_FAILURE_LIMIT;
        private Duration serverRetryTimeout = DEFAULT_SERVER_RETRY_TIMEOUT;
        private Duration keepalive = DEFAULT_KEEPALIVE;

        private Builder() {
        }

        public Builder servers(List<HostPort> servers) {
            this.servers = new ArrayList<>(servers);
            return this;
        }

        /** Seeds given as "host:port" strings. */
        public Builder servers(String... servers) {
            this.servers = new ArrayList<>();
            for (String s : servers) {
                this.servers.add(HostPort.parse(s));
            }
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder master(ReadPreference master) {
            this.master = master;
            return this;
        }

        public Builder replica(ReadPreference replica) {
            this.replica = replica;
            return this;
        }

        public Builder override(String address, ServerOverride preference) {
            this.overrides.put(address, preference);
            return this;
        }

        public Builder refreshInterval(Duration refreshInterval) {
            this.refreshInterval = refreshInterval;
            return this;
        }

        public Builder serverTimeout(Duration serverTimeout) {
            this.serverTimeout = serverTimeout;
            return this;
        }

        public Builder serverFailureLimit(int serverFailureLimit) {
            this.serverFailureLimit = serverFailureLimit;
            return this;
        }

        public Builder serverRetryTimeout(Duration serverRetryTimeout) {
            this.serverRetryTimeout = serverRetryTimeout;
            return this;
        }

        public Builder keepalive(Duration keepalive) {
            this.keepalive = keepalive;
            return this;
        }

        public ClusterOptions build() {
            return new ClusterOptions(servers, password, master, replica, overrides, refreshInterval, serverTimeout,
                    serverFailureLimit, serverRetryTimeout, keepalive);
        }
    }
}
