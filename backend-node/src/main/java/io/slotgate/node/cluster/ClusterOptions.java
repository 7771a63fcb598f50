package io.slotgate.node.cluster;

import java.nio.file.Path;

/**
 * How a node runs its cluster engine (Redis's cluster-* settings that apply, cluster-engine.md §14).
 *
 * @param bindAddress         address the bus listens on, null = all interfaces
 * @param announceIp          IP announced to peers and shown in CLUSTER NODES (cluster-announce-ip); null = learn
 *                            it from the first MEET (cluster-engine.md §1)
 * @param port                the node's client port
 * @param busPort             the bus port (cluster-port); {@link #DEFAULT_BUS_PORT_OFFSET} above port by default
 * @param nodeTimeoutMs       cluster-node-timeout
 * @param configFile          nodes.conf path (cluster-config-file)
 * @param requireFullCoverage cluster-require-full-coverage
 */
public record ClusterOptions(String bindAddress, String announceIp, int port, int busPort, long nodeTimeoutMs,
                             Path configFile, boolean requireFullCoverage) {

    public static final int DEFAULT_BUS_PORT_OFFSET = 10000;
    public static final long DEFAULT_NODE_TIMEOUT_MS = 15000;
    public static final String DEFAULT_CONFIG_FILE = "nodes.conf";
    public static final boolean DEFAULT_REQUIRE_FULL_COVERAGE = true;

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
        if (announceIp != null && announceIp.isEmpty()) {
            announceIp = null;
        }
    }

    /** Defaults for a node on {@code port}: bus on port + 10000, nodes.conf in the working directory. */
    public static ClusterOptions forPort(int port) {
        if (port + DEFAULT_BUS_PORT_OFFSET > 65535) {
            throw new IllegalArgumentException("port " + port + " leaves no room for the bus port; set one");
        }
        return new ClusterOptions(null, null, port, port + DEFAULT_BUS_PORT_OFFSET, DEFAULT_NODE_TIMEOUT_MS,
                Path.of(DEFAULT_CONFIG_FILE), DEFAULT_REQUIRE_FULL_COVERAGE);
    }

    public ClusterOptions withBindAddress(String value) {
        return new ClusterOptions(value, announceIp, port, busPort, nodeTimeoutMs, configFile, requireFullCoverage);
    }

    public ClusterOptions withAnnounceIp(String value) {
        return new ClusterOptions(bindAddress, value, port, busPort, nodeTimeoutMs, configFile, requireFullCoverage);
    }

    public ClusterOptions withPort(int value) {
        return new ClusterOptions(bindAddress, announceIp, value, busPort, nodeTimeoutMs, configFile, requireFullCoverage);
    }

    public ClusterOptions withBusPort(int value) {
        return new ClusterOptions(bindAddress, announceIp, port, value, nodeTimeoutMs, configFile, requireFullCoverage);
    }

    public ClusterOptions withNodeTimeoutMs(long value) {
        return new ClusterOptions(bindAddress, announceIp, port, busPort, value, configFile, requireFullCoverage);
    }

    public ClusterOptions withConfigFile(Path value) {
        return new ClusterOptions(bindAddress, announceIp, port, busPort, nodeTimeoutMs, value, requireFullCoverage);
    }

    public ClusterOptions withRequireFullCoverage(boolean value) {
        return new ClusterOptions(bindAddress, announceIp, port, busPort, nodeTimeoutMs, configFile, value);
    }
}
