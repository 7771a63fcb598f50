package io.slotgate.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything a node is started with. Keys use redis.conf names ({@code port}, {@code cluster-enabled},
 * {@code client-output-buffer-limit}...), in HOCON ({@code conf/node.conf}) or as {@code --name value} flags
 * (see {@link NodeOptionsParser}).
 *
 * @param clusterPort              bus port; 0 = port + 10000 (Redis's default offset)
 * @param ioThreads                event loops = keyspace partitions
 * @param clientOutputBufferLimit  bytes of unsent replies after which a normal client is disconnected (0 = none)
 * @param pubsubOutputBufferLimit  same for subscribed clients
 * @param extras                   every other setting given (for the cluster engine and CONFIG GET)
 */
public record NodeOptions(
        String bind,
        int port,
        Path dir,
        boolean clusterEnabled,
        String clusterConfigFile,
        long clusterNodeTimeout,
        int clusterPort,
        String requirepass,
        int ioThreads,
        int maxclients,
        long clientQueryBufferLimit,
        long clientOutputBufferLimit,
        long pubsubOutputBufferLimit,
        long protoMaxBulkLen,
        int hz,
        Map<String, String> extras) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 6379;
    public static final String DEFAULT_DIR = ".";
    public static final boolean DEFAULT_CLUSTER_ENABLED = true;
    public static final String DEFAULT_CLUSTER_CONFIG_FILE = "nodes.conf";
    public static final long DEFAULT_CLUSTER_NODE_TIMEOUT = 15000;
    public static final int DEFAULT_CLUSTER_PORT = 0;
    /**
     * One loop, like Redis's own io-threads default: measured on 2 cores against redis-benchmark (which needs a
     * core itself), a second partition cost 25-40 % more CPU per request in cross-loop hand-offs. Raise it on
     * machines with spare cores.
     */
    public static final int DEFAULT_IO_THREADS = 1;
    public static final int DEFAULT_MAXCLIENTS = 10000;
    public static final long DEFAULT_CLIENT_QUERY_BUFFER_LIMIT = 1024L * 1024 * 1024;
    public static final long DEFAULT_CLIENT_OUTPUT_BUFFER_LIMIT = 256L * 1024 * 1024;
    public static final long DEFAULT_PUBSUB_OUTPUT_BUFFER_LIMIT = 32L * 1024 * 1024;
    public static final long DEFAULT_PROTO_MAX_BULK_LEN = 512L * 1024 * 1024;
    public static final int DEFAULT_HZ = 10;

    /** Keys this record understands; anything else lands in {@link #extras}. */
    static final java.util.Set<String> KNOWN = java.util.Set.of("bind", "port", "dir", "cluster-enabled",
            "cluster-config-file", "cluster-node-timeout", "cluster-port", "requirepass", "io-threads", "maxclients",
            "client-query-buffer-limit", "client-output-buffer-limit", "pubsub-output-buffer-limit",
            "proto-max-bulk-len", "hz");

    public NodeOptions {
        extras = Map.copyOf(extras);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("io-threads must be at least 1");
        }
    }

    public static NodeOptions defaults() {
        return fromConfig(ConfigFactory.empty());
    }

    /** The bus port actually used. */
    public int effectiveClusterPort() {
        return clusterPort != 0 ? clusterPort : port + 10000;
    }

    public NodeOptions withPort(int newPort) {
        return new NodeOptions(bind, newPort, dir, clusterEnabled, clusterConfigFile, clusterNodeTimeout,
                clusterPort, requirepass, ioThreads, maxclients, clientQueryBufferLimit, clientOutputBufferLimit,
                pubsubOutputBufferLimit, protoMaxBulkLen, hz, extras);
    }

    /** Reads options from a config (missing keys take the DEFAULT_* values). */
    public static NodeOptions fromConfig(Config c) {
        Map<String, String> extras = new HashMap<>();
        for (var e : c.entrySet()) {
            if (!KNOWN.contains(e.getKey())) {
                extras.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
            }
        }
        String pass = str(c, "requirepass", "");
        return new NodeOptions(
                str(c, "bind", DEFAULT_BIND),
                (int) num(c, "port", DEFAULT_PORT),
                Path.of(str(c, "dir", DEFAULT_DIR)),
                bool(c, "cluster-enabled", DEFAULT_CLUSTER_ENABLED),
                str(c, "cluster-config-file", DEFAULT_CLUSTER_CONFIG_FILE),
                num(c, "cluster-node-timeout", DEFAULT_CLUSTER_NODE_TIMEOUT),
                (int) num(c, "cluster-port", DEFAULT_CLUSTER_PORT),
                pass.isEmpty() ? null : pass,
                (int) num(c, "io-threads", DEFAULT_IO_THREADS),
                (int) num(c, "maxclients", DEFAULT_MAXCLIENTS),
                num(c, "client-query-buffer-limit", DEFAULT_CLIENT_QUERY_BUFFER_LIMIT),
                num(c, "client-output-buffer-limit", DEFAULT_CLIENT_OUTPUT_BUFFER_LIMIT),
                num(c, "pubsub-output-buffer-limit", DEFAULT_PUBSUB_OUTPUT_BUFFER_LIMIT),
                num(c, "proto-max-bulk-len", DEFAULT_PROTO_MAX_BULK_LEN),
                (int) num(c, "hz", DEFAULT_HZ),
                extras);
    }

    private static String str(Config c, String key, String def) {
        return c.hasPath(quoted(key)) ? c.getString(quoted(key)) : def;
    }

    private static boolean bool(Config c, String key, boolean def) {
        return c.hasPath(quoted(key)) ? c.getBoolean(quoted(key)) : def;
    }

    /** Integers with Redis's memory units (1k = 1000, 1kb = 1024, mb, gb). */
    private static long num(Config c, String key, long def) {
        if (!c.hasPath(quoted(key))) {
            return def;
        }
        return MemoryUnits.parse(c.getString(quoted(key)));
    }

    private static String quoted(String key) {
        return "\"" + key + "\"";
    }
}
