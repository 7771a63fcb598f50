package io.slotgate.node.command.server;

import io.slotgate.node.MemoryUnits;
import io.slotgate.node.NodeOptions;
import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.Errors;
import io.slotgate.node.server.LiveConfig;
import io.slotgate.node.store.Glob;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** CONFIG GET / SET / RESETSTAT / REWRITE for the options this node has. */
final class ConfigCommand {

    private ConfigCommand() {
    }

    static void execute(Call c) {
        String sub = c.argString(1).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "get" -> {
                if (c.argc() < 3) {
                    throw new CommandException(Errors.wrongArity("config|get"));
                }
                Map<String, String> all = values(c);
                c.node().persistence().configValues().forEach(all::put);
                Map<String, String> hits = new LinkedHashMap<>();
                for (int i = 2; i < c.argc(); i++) {
                    byte[] pattern = c.argString(i).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
                    all.forEach((k, v) -> {
                        if (Glob.matches(pattern, k.getBytes(StandardCharsets.UTF_8))) {
                            hits.put(k, v);
                        }
                    });
                }
                c.array(hits.size() * 2);
                hits.forEach((k, v) -> {
                    c.bulk(k);
                    c.bulk(v);
                });
            }
            case "set" -> {
                if (c.argc() < 4 || c.argc() % 2 != 0) {
                    throw new CommandException(Errors.wrongArity("config|set"));
                }
                for (int i = 2; i < c.argc(); i += 2) {
                    set(c, c.argString(i).toLowerCase(Locale.ROOT), c.argString(i + 1));
                }
                c.ok();
            }
            case "resetstat" -> {
                if (c.argc() != 2) {
                    throw new CommandException(Errors.wrongArity("config|resetstat"));
                }
                c.node().stats().reset();
                c.node().registry().all().forEach(e -> e.stats().reset());
                c.completeOnClientLoop(c.node().keyspace().gather(p -> {
                    p.resetStats();
                    return Boolean.TRUE;
                }), x -> c.ok());
            }
            case "rewrite" -> throw new CommandException("ERR The server is running without a config file");
            case "help" -> {
                c.array(1);
                c.simple("CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands: GET SET RESETSTAT HELP");
            }
            default -> throw new CommandException(Errors.unknownSubcommand(c.argString(1), "CONFIG"));
        }
    }

    private static void set(Call c, String name, String value) {
        LiveConfig live = c.node().config();
        try {
            switch (name) {
                case "requirepass" -> live.setRequirepass(value);
                case "cluster-node-timeout" -> setNodeTimeout(c, value);
                case "protected-mode" -> live.setProtectedMode(yesNo(value));
                case "maxclients" -> live.setMaxclients((int) MemoryUnits.parse(value));
                case "client-output-buffer-limit" -> setOutputLimits(live, value);
                case "maxmemory-policy", "maxmemory", "loglevel", "timeout" -> {
                    // accepted for tool compatibility; this node has no eviction
                }
                default -> {
                    if (c.node().persistence().configValues().containsKey(name)) {
                        String error = c.node().persistence().configSet(name, value);
                        if (error != null) {
                            throw new CommandException(error);
                        }
                        return;
                    }
                    if (values(c).containsKey(name)) {
                        throw new CommandException("ERR CONFIG SET failed (possibly related to argument '" + name
                                + "') - can't set immutable config");
                    }
                    throw new CommandException("ERR Unknown option or number of arguments for CONFIG SET - '"
                            + name + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new CommandException("ERR CONFIG SET failed (possibly related to argument '" + name
                    + "') - argument couldn't be parsed into an integer");
        }
    }

    private static boolean yesNo(String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new CommandException("ERR CONFIG SET failed (possibly related to argument "
                    + "'protected-mode') - argument must be 'yes' or 'no'");
        };
    }

    /** Accepts Redis's "class hard soft seconds ..." form; only the hard limits of normal and pubsub apply. */
    private static void setOutputLimits(LiveConfig live, String value) {
        String[] t = value.trim().split("\\s+");
        if (t.length % 4 != 0) {
            throw new CommandException("ERR CONFIG SET failed (possibly related to argument "
                    + "'client-output-buffer-limit') - Wrong number of arguments in buffer limit configuration.");
        }
        for (int i = 0; i < t.length; i += 4) {
            long hard = MemoryUnits.parse(t[i + 1]);
            switch (t[i].toLowerCase(Locale.ROOT)) {
                case "normal" -> live.setClientOutputBufferLimit(hard);
                case "pubsub" -> live.setPubsubOutputBufferLimit(hard);
                case "replica", "slave" -> {
                }
                default -> throw new CommandException("ERR CONFIG SET failed (possibly related to argument "
                        + "'client-output-buffer-limit') - Invalid client class specified in buffer limit "
                        + "configuration.");
            }
        }
    }

    /** redis-cli --cluster set-timeout (redis-cli-cluster.md §10) changes it on every node at runtime. */
    private static void setNodeTimeout(Call c, String value) {
        long ms = Long.parseLong(value.trim()); // NumberFormatException is an IllegalArgumentException
        if (ms < 1) {
            throw new CommandException("ERR CONFIG SET failed (possibly related to argument 'cluster-node-timeout')"
                    + " - argument must be between 1 and 9223372036854775807 inclusive");
        }
        c.node().cluster().setNodeTimeout(ms);
    }

    private static Map<String, String> values(Call c) {
        NodeOptions o = c.node().options();
        LiveConfig live = c.node().config();
        long nodeTimeout = c.node().cluster().nodeTimeoutMs();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("bind", o.bind());
        m.put("port", String.valueOf(o.port()));
        m.put("dir", o.dir().toAbsolutePath().toString());
        m.put("cluster-enabled", o.clusterEnabled() ? "yes" : "no");
        m.put("cluster-config-file", o.clusterConfigFile());
        m.put("cluster-node-timeout", String.valueOf(nodeTimeout > 0 ? nodeTimeout : o.clusterNodeTimeout()));
        m.put("cluster-port", String.valueOf(o.clusterPort()));
        m.put("requirepass", live.requirepass() == null ? "" : live.requirepass());
        m.put("protected-mode", live.protectedMode() ? "yes" : "no");
        m.put("io-threads", String.valueOf(o.ioThreads()));
        m.put("maxclients", String.valueOf(live.maxclients()));
        m.put("client-query-buffer-limit", String.valueOf(o.clientQueryBufferLimit()));
        m.put("client-output-buffer-limit", "normal " + live.clientOutputBufferLimit() + " 0 0 slave 0 0 0 pubsub "
                + live.pubsubOutputBufferLimit() + " 0 0");
        m.put("proto-max-bulk-len", String.valueOf(o.protoMaxBulkLen()));
        m.put("hz", String.valueOf(o.hz()));
        m.put("databases", "1");
        m.put("save", "");
        m.put("appendonly", "no");
        m.put("appendfsync", "everysec");
        m.put("maxmemory", "0");
        m.put("maxmemory-policy", "noeviction");
        o.extras().forEach(m::putIfAbsent);
        return m;
    }

}
