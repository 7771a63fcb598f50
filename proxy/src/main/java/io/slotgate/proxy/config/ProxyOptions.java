package io.slotgate.proxy.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the proxy needs to start ({@code proxy { ... }} in the configuration file; see conf/proxy.conf).
 *
 * @param name                 instance name shown by INFO
 * @param bind                 address the client-facing server listens on (port 0 = any free port)
 * @param workerThreads        event loops serving clients and backends (0 = one per core)
 * @param clientTimeout        idle clients are closed after this long (0 = never)
 * @param maxClients           connections beyond this get an error and are closed
 * @param password             password clients must AUTH with ("" = none)
 * @param cluster              the backend cluster
 * @param maxPendingRequests   per client: requests in flight before the proxy stops reading from it (backpressure;
 *                             not a configuration key)
 * @param maxOutputBufferBytes per client: unsent reply bytes beyond which the client is disconnected (not a
 *                             configuration key)
 */
public record ProxyOptions(String name, HostPort bind, int workerThreads, Duration clientTimeout, int maxClients,
                           String password, ClusterOptions cluster, int maxPendingRequests,
                           long maxOutputBufferBytes) {

    public static final String DEFAULT_NAME = "slotgate";
    public static final HostPort DEFAULT_BIND = new HostPort("0.0.0.0", 7617);
    public static final int DEFAULT_WORKER_THREADS = 0;
    public static final Duration DEFAULT_CLIENT_TIMEOUT = Duration.ZERO;
    public static final int DEFAULT_MAX_CLIENTS = 10_000;
    public static final String DEFAULT_PASSWORD = "";
    public static final int DEFAULT_MAX_PENDING_REQUESTS = 4096;
    public static final long DEFAULT_MAX_OUTPUT_BUFFER_BYTES = 256L * 1024 * 1024;

    public static final ProxyOptions DEFAULT = builder().build();

    public ProxyOptions {
        if (workerThreads < 0) {
            throw new IllegalArgumentException("worker-threads must be >= 0, got " + workerThreads);
        }
        if (clientTimeout.isNegative()) {
            throw new IllegalArgumentException("client-timeout must not be negative");
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("max-clients must be >= 1, got " + maxClients);
        }
        if (maxPendingRequests < 1 || maxOutputBufferBytes < 1) {
            throw new IllegalArgumentException("client limits must be positive");
        }
    }

    /** Loads {@code proxy { ... }} from a HOCON file; unknown keys and bad values fail with the key's name. */
    public static ProxyOptions load(Path confFile) {
        return ProxyConfigLoader.load(confFile);
    }

    /** Parses HOCON text (same rules as {@link #load}). */
    public static ProxyOptions parse(String hocon) {
        return ProxyConfigLoader.parse(hocon);
    }

    /** Event loops to start: the configured count, or one per core. */
    public int effectiveWorkerThreads() {
        return workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).bind(bind).workerThreads(workerThreads).clientTimeout(clientTimeout)
                .maxClients(maxClients).password(password).cluster(cluster).maxPendingRequests(maxPendingRequests)
                .maxOutputBufferBytes(maxOutputBufferBytes);
    }

    public static final class Builder {
        private String name = DEFAULT_NAME;
        private HostPort bind = DEFAULT_BIND;
        private int workerThreads = DEFAULT_WORKER_THREADS;
        private Duration clientTimeout = DEFAULT_CLIENT_TIMEOUT;
        private int maxClients = DEFAULT_MAX_CLIENTS;
        private String password = DEFAULT_PASSWORD;
        private ClusterOptions cluster = ClusterOptions.DEFAULT;
        private int maxPendingRequests = DEFAULT_MAX_PENDING_REQUESTS;
        private long maxOutputBufferBytes = DEFAULT_MAX_OUTPUT_BUFFER_BYTES;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder bind(HostPort bind) {
            this.bind = bind;
            return this;
        }

        public Builder bind(String hostPort) {
            return bind(HostPort.parse(hostPort));
        }

        public Builder workerThreads(int workerThreads) {
            this.workerThreads = workerThreads;
            return this;
        }

        public Builder clientTimeout(Duration clientTimeout) {
            this.clientTimeout = clientTimeout;
            return this;
        }

        public Builder maxClients(int maxClients) {
            this.maxClients = maxClients;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder cluster(ClusterOptions cluster) {
            this.cluster = cluster;
            return this;
        }

        public Builder maxPendingRequests(int maxPendingRequests) {
            this.maxPendingRequests = maxPendingRequests;
            return this;
        }

        public Builder maxOutputBufferBytes(long maxOutputBufferBytes) {
            this.maxOutputBufferBytes = maxOutputBufferBytes;
            return this;
        }

        public ProxyOptions build() {
            return new ProxyOptions(name, bind, workerThreads, clientTimeout, maxClients, password, cluster,
                    maxPendingRequests, maxOutputBufferBytes);
        }
    }
}
