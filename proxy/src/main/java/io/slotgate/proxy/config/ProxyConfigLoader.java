package io.slotgate.proxy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code proxy { ... }} from HOCON into {@link ProxyOptions}. Keys are fixed; a key the proxy does not know or
 * a value of the wrong shape stops start-up with a message naming the full key (e.g. proxy.cluster.server-timeout).
 */
final class ProxyConfigLoader {

    private static final Set<String> PROXY_KEYS =
            Set.of("name", "bind", "worker-threads", "client-timeout", "max-clients", "password", "cluster");
    private static final Set<String> CLUSTER_KEYS = Set.of("servers", "password", "read-priority", "read-weight",
            "refresh-interval", "server-timeout", "server-failure-limit", "server-retry-timeout", "keepalive",
            "server-overrides");
    private static final Set<String> ROLE_KEYS = Set.of("master", "replica");
    private static final Set<String> OVERRIDE_KEYS = Set.of("read-priority", "read-weight");

    private ProxyConfigLoader() {
    }

    static ProxyOptions load(Path file) {
        if (!Files.isReadable(file)) {
            throw new ProxyConfigException("cannot read configuration file " + file);
        }
        try {
            return fromConfig(ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults()
                    .setAllowMissing(false)).resolve(), file.toString());
        } catch (ConfigException e) {
            throw new ProxyConfigException(file + ": " + e.getMessage(), e);
        }
    }

    static ProxyOptions parse(String hocon) {
        try {
            return fromConfig(ConfigFactory.parseString(hocon).resolve(), "configuration");
        } catch (ConfigException e) {
            throw new ProxyConfigException(e.getMessage(), e);
        }
    }

    private static ProxyOptions fromConfig(Config root, String source) {
        for (String key : root.root().keySet()) {
            if (!key.equals("proxy")) {
                throw new ProxyConfigException(source + ": unknown key '" + key + "' (expected only 'proxy { ... }')");
            }
        }
        ProxyOptions.Builder b = ProxyOptions.builder();
        if (!root.hasPath("proxy")) {
            return b.build();
        }
        Config proxy = object(root, "proxy").toConfig();
        checkKeys(object(root, "proxy"), PROXY_KEYS, "proxy");
        if (proxy.hasPath("name")) {
            b.name(string(proxy, "name", "proxy.name"));
        }
        if (proxy.hasPath("bind")) {
            b.bind(hostPort(string(proxy, "bind", "proxy.bind"), "proxy.bind"));
        }
        if (proxy.hasPath("worker-threads")) {
            b.workerThreads(intAtLeast(proxy, "worker-threads", "proxy.worker-threads", 0));
        }
        if (proxy.hasPath("client-timeout")) {
            b.clientTimeout(duration(proxy, "client-timeout", "proxy.client-timeout", true));
        }
        if (proxy.hasPath("max-clients")) {
            b.maxClients(intAtLeast(proxy, "max-clients", "proxy.max-clients", 1));
        }
        if (proxy.hasPath("password")) {
            b.password(string(proxy, "password", "proxy.password"));
        }
        if (proxy.hasPath("cluster")) {
            b.cluster(cluster(proxy));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ProxyConfigException("proxy: " + e.getMessage());
        }
    }

    private static ClusterOptions cluster(Config proxy) {
        ConfigObject clusterObject = object(proxy, "cluster");
        checkKeys(clusterObject, CLUSTER_KEYS, "proxy.cluster");
        Config c = clusterObject.toConfig();
        ClusterOptions.Builder b = ClusterOptions.builder();
        if (c.hasPath("servers")) {
            List<HostPort> seeds = new ArrayList<>();
            List<String> raw;
            try {
                raw = c.getStringList("servers");
            } catch (ConfigException e) {
                throw new ProxyConfigException("proxy.cluster.servers: expected a list of \"host:port\" strings");
            }
            for (String s : raw) {
                seeds.add(hostPort(s, "proxy.cluster.servers"));
            }
            if (seeds.isEmpty()) {
                throw new ProxyConfigException("proxy.cluster.servers: at least one seed server is needed");
            }
            b.servers(seeds);
        }
        if (c.hasPath("password")) {
            b.password(string(c, "password", "proxy.cluster.password"));
        }
        int masterPriority = ClusterOptions.DEFAULT_MASTER.priority();
        int replicaPriority = ClusterOptions.DEFAULT_REPLICA.priority();
        int masterWeight = ClusterOptions.DEFAULT_MASTER.weight();
        int replicaWeight = ClusterOptions.DEFAULT_REPLICA.weight();
        if (c.hasPath("read-priority")) {
            Config p = roleObject(c, "read-priority");
            masterPriority = p.hasPath("master") ? intAtLeast(p, "master", "proxy.cluster.read-priority.master", 0)
                    : masterPriority;
            replicaPriority = p.hasPath("replica")
                    ? intAtLeast(p, "replica", "proxy.cluster.read-priority.replica", 0) : replicaPriority;
        }
        if (c.hasPath("read-weight")) {
            Config w = roleObject(c, "read-weight");
            masterWeight = w.hasPath("master") ? intAtLeast(w, "master", "proxy.cluster.read-weight.master", 0)
                    : masterWeight;
            replicaWeight = w.hasPath("replica") ? intAtLeast(w, "replica", "proxy.cluster.read-weight.replica", 0)
                    : replicaWeight;
        }
        b.master(new ReadPreference(masterPriority, masterWeight));
        b.replica(new ReadPreference(replicaPriority, replicaWeight));
        if (c.hasPath("server-overrides")) {
            overrides(object(c, "server-overrides"), b);
        }
        if (c.hasPath("refresh-interval")) {
            b.refreshInterval(duration(c, "refresh-interval", "proxy.cluster.refresh-interval", false));
        }
        if (c.hasPath("server-timeout")) {
            b.serverTimeout(duration(c, "server-timeout", "proxy.cluster.server-timeout", false));
        }
        if (c.hasPath("server-failure-limit")) {
            b.serverFailureLimit(intAtLeast(c, "server-failure-limit", "proxy.cluster.server-failure-limit", 1));
        }
        if (c.hasPath("server-retry-timeout")) {
            b.serverRetryTimeout(duration(c, "server-retry-timeout", "proxy.cluster.server-retry-timeout", false));
        }
        if (c.hasPath("keepalive")) {
            b.keepalive(duration(c, "keepalive", "proxy.cluster.keepalive", true));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ProxyConfigException("proxy.cluster: " + e.getMessage());
        }
    }

    /** {@code server-overrides { "127.0.0.1:7001" { read-priority = 70, read-weight = 3 } }}. */
    private static void overrides(ConfigObject all, ClusterOptions.Builder b) {
        for (Map.Entry<String, ConfigValue> e : all.entrySet()) {
            String address = e.getKey();
            String path = "proxy.cluster.server-overrides.\"" + address + "\"";
            hostPort(address, path);
            if (e.getValue().valueType() != ConfigValueType.OBJECT) {
                throw new ProxyConfigException(path + ": expected { read-priority = N, read-weight = N }");
            }
            ConfigObject o = (ConfigObject) e.getValue();
            checkKeys(o, OVERRIDE_KEYS, path);
            Config oc = o.toConfig();
            int priority = oc.hasPath("read-priority")
                    ? intAtLeast(oc, "read-priority", path + ".read-priority", 0) : ServerOverride.INHERIT;
            int weight = oc.hasPath("read-weight") ? intAtLeast(oc, "read-weight", path + ".read-weight", 0)
                    : ServerOverride.INHERIT;
            b.override(address, new ServerOverride(priority, weight));
        }
    }

    private static Config roleObject(Config c, String key) {
        ConfigObject o = object(c, key);
        checkKeys(o, ROLE_KEYS, "proxy.cluster." + key);
        return o.toConfig();
    }

    private static void checkKeys(ConfigObject object, Set<String> allowed, String path) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw new ProxyConfigException("unknown key '" + path + "." + key + "'; known keys of " + path
                        + ": " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static ConfigObject object(Config c, String key) {
        try {
            return c.getObject(key);
        } catch (ConfigException e) {
            throw new ProxyConfigException(key + ": expected an object { ... }");
        }
    }

    private static String string(Config c, String key, String path) {
        ConfigValue v = c.getValue(key);
        if (v.valueType() == ConfigValueType.OBJECT || v.valueType() == ConfigValueType.LIST) {
            throw new ProxyConfigException(path + ": expected a string");
        }
        return String.valueOf(v.unwrapped());
    }

    private static HostPort hostPort(String text, String path) {
        try {
            return HostPort.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProxyConfigException(path + ": " + e.getMessage());
        }
    }

    private static int intAtLeast(Config c, String key, String path, int min) {
        int value;
        try {
            value = c.getInt(key);
        } catch (ConfigException e) {
            throw new ProxyConfigException(path + ": expected a whole number, got " + c.getValue(key).render());
        }
        if (value < min) {
            throw new ProxyConfigException(path + ": must be >= " + min + ", got " + value);
        }
        return value;
    }

    private static Duration duration(Config c, String key, String path, boolean zeroAllowed) {
        Duration d;
        try {
            d = c.getDuration(key);
        } catch (ConfigException e) {
            throw new ProxyConfigException(path + ": expected a duration such as 500ms, 1s or 2m, got "
                    + c.getValue(key).render());
        }
        if (d.isNegative() || (!zeroAllowed && d.isZero())) {
            throw new ProxyConfigException(path + ": must be " + (zeroAllowed ? "zero or positive" : "positive")
                    + ", got " + c.getValue(key).render());
        }
        return d;
    }
}
