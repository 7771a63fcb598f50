package io.slotgate.node.cluster;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * How a node runs its cluster engine (Redis's cluster-* settings that apply, cluster-engine.md §14).
 *
 * @param bindAddress           address the bus listens on, null = all interfaces
 * @param announceIp            IP announced to peers and shown in CLUSTER NODES (cluster-announce-ip); null = learn
 *                              it from the first MEET (cluster-engine.md §1)
 * @param port                  the node's client port
 * @param busPort               the bus port (cluster-port); {@link #DEFAULT_BUS_PORT_OFFSET} above port by default
 * @param nodeTimeoutMs         cluster-node-timeout
 * @param configFile            nodes.conf path (cluster-config-file)
 * @param requireFullCoverage   cluster-require-full-coverage
 * @param migrationBarrier      cluster-migration-barrier: replicas a master keeps before one migrates (§11)
 * @param replicaNoFailover     cluster-replica-no-failover: never start an automatic failover (§8.1)
 * @param replicaValidityFactor cluster-replica-validity-factor: data age limit factor, 0 = no limit (§8.1)
 * @param allowReadsWhenDown    cluster-allow-reads-when-down (§9)
 * @param testFaults            cluster-test-faults: enables CLUSTER TEST-DROP-LINKS, a test-only partition switch
 */
public record ClusterOptions(String bindAddress, String announceIp, int port, int busPort, long nodeTimeoutMs,
                             Path configFile, boolean requireFullCoverage, int migrationBarrier,
                             boolean replicaNoFailover, int replicaValidityFactor, boolean allowReadsWhenDown,
                             boolean testFaults) {

    public static final int DEFAULT_BUS_PORT_OFFSET = 10000;
    public static final long DEFAULT_NODE_TIMEOUT_MS = 15000;
    public static final String DEFAULT_CONFIG_FILE = "nodes.conf";
    public static final boolean DEFAULT_REQUIRE_FULL_COVERAGE = true;
    public static final int DEFAULT_MIGRATION_BARRIER = 1;
    public static final boolean DEFAULT_REPLICA_NO_FAILOVER = false;
    public static final int DEFAULT_REPLICA_VALIDITY_FACTOR = 10;
    public static final boolean DEFAULT_ALLOW_READS_WHEN_DOWN = false;
    public static final boolean DEFAULT_TEST_FAULTS = false;

    public ClusterOptions {
        if (port < 1 || port > 65535 || busPort < 1 || busPort > 65535) {
            throw new IllegalArgumentException("ports must be in 1..65535: " + port + ", " + busPort);
        }
        if (nodeTimeoutMs < 1) {
            throw new IllegalArgumentException("node timeout must be positive: " + nodeTimeoutMs);
        }
        if (configFile == null) {
            throw new IllegalArgumentException("config file is required");
        }
        if (migrationBarrier < 0) {
            throw new IllegalArgumentException("cluster-migration-barrier must be >= 0: " + migrationBarrier);
        }
        if (replicaValidityFactor < 0) {
            throw new IllegalArgumentException("cluster-replica-validity-factor must be >= 0: "
                    + replicaValidityFactor);
        }
        if (announceIp != null && announceIp.isEmpty()) {
            announceIp = null;
        }
    }

    /** The settings of the first cluster engine; the failover knobs keep their defaults. */
    public ClusterOptions(String bindAddress, String announceIp, int port, int busPort, long nodeTimeoutMs,
                          Path configFile, boolean requireFullCoverage) {
        this(bindAddress, announceIp, port, busPort, nodeTimeoutMs, configFile, requireFullCoverage,
                DEFAULT_MIGRATION_BARRIER, DEFAULT_REPLICA_NO_FAILOVER, DEFAULT_REPLICA_VALIDITY_FACTOR,
                DEFAULT_ALLOW_READS_WHEN_DOWN, DEFAULT_TEST_FAULTS);
    }

    /** Defaults for a node on {@code port}: bus on port + 10000, nodes.conf in the working directory. */
    public static ClusterOptions forPort(int port) {
        if (port + DEFAULT_BUS_PORT_OFFSET > 65535) {
            throw new IllegalArgumentException("port " + port + " leaves no room for the bus port; set one");
        }
        return new ClusterOptions(null, null, port, port + DEFAULT_BUS_PORT_OFFSET, DEFAULT_NODE_TIMEOUT_MS,
                Path.of(DEFAULT_CONFIG_FILE), DEFAULT_REQUIRE_FULL_COVERAGE);
    }

    /**
     * Applies the failover-related settings found in a node's extra options (Redis names, values as in
     * redis.conf: yes/no, integers); names not listed here are ignored.
     *
     * @throws IllegalArgumentException on a bad value
     */
    public ClusterOptions withSettings(Map<String, String> settings) {
        ClusterOptions o = this;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String v = e.getValue();
            switch (e.getKey().toLowerCase(Locale.ROOT)) {
                case "cluster-require-full-coverage" -> o = o.withRequireFullCoverage(yesNo(e.getKey(), v));
                case "cluster-migration-barrier" -> o = o.withMigrationBarrier(integer(e.getKey(), v));
                case "cluster-replica-no-failover", "cluster-slave-no-failover" ->
                        o = o.withReplicaNoFailover(yesNo(e.getKey(), v));
                case "cluster-replica-validity-factor", "cluster-slave-validity-factor" ->
                        o = o.withReplicaValidityFactor(integer(e.getKey(), v));
                case "cluster-allow-reads-when-down" -> o = o.withAllowReadsWhenDown(yesNo(e.getKey(), v));
                case "cluster-test-faults" -> o = o.withTestFaults(yesNo(e.getKey(), v));
                default -> {
                }
            }
        }
        return o;
    }

    /** redis.conf's yes/no; true/false too, since HOCON config files spell booleans that way. */
    private static boolean yesNo(String name, String v) {
        if (v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("no") || v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(name + " must be yes or no: " + v);
    }

    private static int integer(String name, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer: " + v, e);
        }
    }

    public ClusterOptions withBindAddress(String value) {
        return new ClusterOptions(value, announceIp, port, busPort, nodeTimeoutMs, configFile, requireFullCoverage,
                migrationBarrier, replicaNoFailover, replicaValidityFactor, allowReadsWhenDown, testFaults);
    }

    public ClusterOptions withAnnounceIp(String value) {
        return new ClusterOptions(bindAddress, value, port, busPort, nodeTimeoutMs, configFile, requireFullCoverage,
                migrationBarrier, replicaNoFailover, replicaValidityFactor, allowReadsWhenDown, testFaults);
    }

    public ClusterOptions withPort(int value) {
        return new ClusterOptions(bindAddress, announceIp, value, busPort, nodeTimeoutMs, configFile,
                requireFullCoverage, migrationBarrier, replicaNoFailover, replicaValidityFactor, allowReadsWhenDown,
                testFaults);
    }

    public ClusterOptions withBusPort(int value) {
        return new ClusterOptions(bindAddress, announceIp, port, value, nodeTimeoutMs, configFile,
                requireFullCoverage, migrationBarrier, replicaNoFailover, replicaValidityFactor, allowReadsWhenDown,
                testFaults);
    }

    public ClusterOptions withNodeTimeoutMs(long value) {
        return new ClusterOptions(bindAddress, announceIp, port, busPort, value, configFile, requireFullCoverage,
                migrationBarrier, replicaNoFailover, replicaValidityFactor, allowReadsWhenDown, testFaults);
    }

    public ClusterOptions withConfigFile(Path value) {
        return new ClusterOptions(bindAddress, announceIp, port, busPort, nodeTimeoutMs, value, requireFullCoverage,
                migrationBarrier, replicaNoFailover, replicaValidityFactor, allowReadsWhenDown, testFaults);
    }

    public ClusterOptions withRequireFullCoverage(boolean value) {
        return new ClusterOptions(bindAddress, announceIp, port, busPort, nodeTimeoutMs, configFile, value,
                migrationBarrier, replicaNoFailover, replicaValidityFactor, allowReadsWhenDown, testFaults);
    }

    public ClusterOptions withMigrationBarrier(int value) {
        return new ClusterOptions(bindAddress, announceIp, port, busPort, nodeTimeoutMs, configFile,
                requireFullCoverage, value, replicaNoFailover, replicaValidityFactor, allowReadsWhenDown, testFaults);
    }

    public ClusterOptions withReplicaNoFailover(boolean value) {
        return new ClusterOptions(bindAddress, announceIp, port, busPort, nodeTimeoutMs, configFile,
                requireFullCoverage, migrationBarrier, value, replicaValidityFactor, allowReadsWhenDown, testFaults);
    }

    public ClusterOptions withReplicaValidityFactor(int value) {
        return new ClusterOptions(bindAddress, announceIp, port, busPort, nodeTimeoutMs, configFile,
                requireFullCoverage, migrationBarrier, replicaNoFailover, value, allowReadsWhenDown, testFaults);
    }

    public ClusterOptions withAllowReadsWhenDown(boolean value) {
        return new ClusterOptions(bindAddress, announceIp, port, busPort, nodeTimeoutMs, configFile,
                requireFullCoverage, migrationBarrier, replicaNoFailover, replicaValidityFactor, value, testFaults);
    }

    public ClusterOptions withTestFaults(boolean value) {
        return new ClusterOptions(bindAddress, announceIp, port, busPort, nodeTimeoutMs, configFile,
                requireFullCoverage, migrationBarrier, replicaNoFailover, replicaValidityFactor, allowReadsWhenDown,
                value);
    }
}
