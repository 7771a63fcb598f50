package io.slotgate.node.command.server;

import io.slotgate.node.server.HeapUsage;
import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandEntry;
import io.slotgate.node.command.NodeContext;
import io.slotgate.node.command.connection.ServerInfoVersion;
import io.slotgate.node.server.ServerStats;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * INFO [section ...] with Redis's section and field names and CRLF line ends. used_memory is the JVM heap in
 * use right after the latest garbage collection ({@link HeapUsage}; exact after MEMORY PURGE, which runs a full
 * collection), the closest analogue of Redis's allocator figure; used_memory_rss is the committed heap.
 */
final class InfoCommand {

    private static final List<String> DEFAULT = List.of("server", "clients", "memory", "persistence", "stats",
            "replication", "cpu", "modules", "errorstats", "cluster", "keyspace");

    private InfoCommand() {
    }

    static void execute(Call c) {
        Set<String> sections = new LinkedHashSet<>();
        if (c.argc() == 1) {
            sections.addAll(DEFAULT);
        }
        for (int i = 1; i < c.argc(); i++) {
            String s = c.argString(i).toLowerCase(Locale.ROOT);
            switch (s) {
                case "default" -> sections.addAll(DEFAULT);
                case "all", "everything" -> {
                    sections.addAll(DEFAULT);
                    sections.add("commandstats");
                }
                default -> sections.add(s);
            }
        }
        c.completeOnClientLoop(c.node().keyspace().gather(ServerCommands.PartitionStats::of), parts -> {
            StringBuilder sb = new StringBuilder();
            for (String s : sections) {
                int before = sb.length();
                if (!sb.isEmpty()) {
                    sb.append("\r\n");
                }
                if (!section(c.node(), s, parts, sb)) {
                    sb.setLength(before);
                }
            }
            c.bulk(sb.toString());
        });
    }

    private static boolean section(NodeContext n, String name, List<ServerCommands.PartitionStats> parts,
                                   StringBuilder sb) {
        ServerStats st = n.stats();
        long keys = 0;
        long expires = 0;
        long hits = 0;
        long misses = 0;
        long expired = 0;
        long blocked = 0;
        for (ServerCommands.PartitionStats p : parts) {
            keys += p.keys();
            expires += p.expires();
            hits += p.hits();
            misses += p.misses();
            expired += p.expired();
            blocked += p.blocked();
        }
        long uptime = (System.currentTimeMillis() - n.startMillis()) / 1000;
        Runtime rt = Runtime.getRuntime();
        switch (name) {
            case "server" -> {
                sb.append("# Server\r\n");
                line(sb, "redis_version", ServerInfoVersion.VERSION);
                line(sb, "redis_git_sha1", "00000000");
                line(sb, "redis_git_dirty", "0");
                line(sb, "redis_build_id", "0");
                line(sb, "redis_mode", n.options().clusterEnabled() ? "cluster" : "standalone");
                line(sb, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
                line(sb, "arch_bits", "64");
                line(sb, "monotonic_clock", "POSIX clock_gettime");
                line(sb, "multiplexing_api", "epoll");
                line(sb, "process_id", String.valueOf(ProcessHandle.current().pid()));
                line(sb, "process_supervised", "no");
                line(sb, "run_id", n.runId());
                line(sb, "tcp_port", String.valueOf(n.boundPort()));
                line(sb, "server_time_usec", String.valueOf(System.currentTimeMillis() * 1000));
                line(sb, "uptime_in_seconds", String.valueOf(uptime));
                line(sb, "uptime_in_days", String.valueOf(uptime / 86400));
                line(sb, "hz", String.valueOf(n.options().hz()));
                line(sb, "configured_hz", String.valueOf(n.options().hz()));
                line(sb, "io_threads_active", "0");
                line(sb, "executable", "slotgate");
                line(sb, "config_file", "");
            }
            case "clients" -> {
                sb.append("# Clients\r\n");
                line(sb, "connected_clients", String.valueOf(n.clients().count()));
                line(sb, "cluster_connections", "0");
                line(sb, "maxclients", String.valueOf(n.config().maxclients()));
                line(sb, "client_recent_max_input_buffer", "0");
                line(sb, "client_recent_max_output_buffer", "0");
                line(sb, "blocked_clients", String.valueOf(blocked));
                line(sb, "tracking_clients", "0");
                line(sb, "clients_in_timeout_table", String.valueOf(blocked));
            }
            case "memory" -> {
                long used = HeapUsage.usedAfterLastGc();
                sb.append("# Memory\r\n");
                line(sb, "used_memory", String.valueOf(used));
                line(sb, "used_memory_human", human(used));
                line(sb, "used_memory_heap_now", String.valueOf(HeapUsage.usedNow()));
                line(sb, "used_memory_rss", String.valueOf(HeapUsage.committed()));
                line(sb, "used_memory_rss_human", human(HeapUsage.committed()));
                line(sb, "used_memory_peak", String.valueOf(HeapUsage.committed()));
                line(sb, "maxmemory", "0");
                line(sb, "maxmemory_human", "0B");
                line(sb, "maxmemory_policy", "noeviction");
                line(sb, "mem_allocator", "jvm");
            }
            case "persistence" -> {
                sb.append("# Persistence\r\n");
                n.persistence().infoPersistence(sb);
            }
            case "stats" -> {
                sb.append("# Stats\r\n");
                line(sb, "total_connections_received", st.connectionsReceived.sum());
                long commands = st.commandsProcessed.sum();
                long in = st.netInputBytes.sum();
                long out = st.netOutputBytes.sum();
                for (var s : n.clients().all()) {
                    commands += s.commands();
                    in += s.netIn();
                    out += s.netOut();
                }
                line(sb, "total_commands_processed", commands);
                line(sb, "instantaneous_ops_per_sec", 0);
                line(sb, "total_net_input_bytes", in);
                line(sb, "total_net_output_bytes", out);
                line(sb, "rejected_connections", st.rejectedConnections.sum());
                line(sb, "expired_keys", expired);
                line(sb, "evicted_keys", 0);
                line(sb, "keyspace_hits", hits);
                line(sb, "keyspace_misses", misses);
                line(sb, "pubsub_channels", 0);
                line(sb, "pubsub_patterns", 0);
                line(sb, "client_output_buffer_limit_disconnections", st.outputLimitDisconnections.sum());
                line(sb, "total_error_replies", st.errorReplies.sum());
                n.replication().infoStats(sb);
            }
            case "replication" -> {
                sb.append("# Replication\r\n");
                n.replication().infoReplication(sb);
            }
            case "cpu" -> {
                sb.append("# CPU\r\n");
                double cpu = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
                if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                    cpu = os.getProcessCpuTime() / 1e9;
                }
                line(sb, "used_cpu_sys", String.format(Locale.ROOT, "%.6f", 0.0));
                line(sb, "used_cpu_user", String.format(Locale.ROOT, "%.6f", cpu));
            }
            case "modules" -> sb.append("# Modules\r\n");
            case "errorstats" -> sb.append("# Errorstats\r\n");
            case "cluster" -> {
                sb.append("# Cluster\r\n");
                sb.append(n.cluster().view().infoSection());
            }
            case "keyspace" -> {
                sb.append("# Keyspace\r\n");
                if (keys > 0) {
                    sb.append("db0:keys=").append(keys).append(",expires=").append(expires)
                            .append(",avg_ttl=0\r\n");
                }
            }
            case "commandstats" -> {
                sb.append("# Commandstats\r\n");
                for (CommandEntry e : n.registry().all()) {
                    long calls = e.stats().calls.sum();
                    long rejected = e.stats().rejected.sum();
                    if (calls == 0 && rejected == 0) {
                        continue;
                    }
                    long usec = e.stats().micros();
                    sb.append("cmdstat_").append(e.name()).append(":calls=").append(calls).append(",usec=")
                            .append(usec).append(",usec_per_call=")
                            .append(String.format(Locale.ROOT, "%.2f", calls == 0 ? 0.0 : (double) usec / calls))
                            .append(",rejected_calls=").append(rejected).append(",failed_calls=")
                            .append(e.stats().failed.sum()).append("\r\n");
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void line(StringBuilder sb, String k, Object v) {
        sb.append(k).append(':').append(v).append("\r\n");
    }

    private static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + "B";
        }
        double v = bytes;
        String[] units = {"K", "M", "G", "T"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f%s", v, units[u]);
    }
}
