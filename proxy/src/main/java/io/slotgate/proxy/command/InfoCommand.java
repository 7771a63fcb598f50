package io.slotgate.proxy.command;

import io.slotgate.proxy.Version;
import io.slotgate.proxy.backend.BackendRegistry;
import io.slotgate.proxy.backend.BackendServer;
import io.slotgate.proxy.config.ProxyOptions;
import io.slotgate.proxy.stats.BackendStats;
import io.slotgate.proxy.stats.LatencyHistogram;
import io.slotgate.proxy.stats.ProxyStats;
import io.slotgate.proxy.topology.ShardRoute;
import io.slotgate.proxy.topology.Topology;
import io.slotgate.proxy.topology.TopologyRefresher;
import io.slotgate.routing.resp.RespRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * INFO [section ...] about the proxy itself, in Redis's "# Section" / "field:value" text form. Sections: Proxy,
 * Stats, Servers (one line per backend), Latency (one line per command type with bucket counts).
 */
public final class InfoCommand {

    private static final List<String> SECTIONS = List.of("proxy", "stats", "servers", "latency");

    private final ProxyOptions options;
    private final ProxyStats stats;
    private final BackendRegistry registry;
    private final TopologyRefresher refresher;
    private final int workerThreads;
    private final long startMillis = System.currentTimeMillis();
    private volatile int boundPort;

    public InfoCommand(ProxyOptions options, ProxyStats stats, BackendRegistry registry, TopologyRefresher refresher,
                       int workerThreads) {
        this.options = options;
        this.stats = stats;
        this.registry = registry;
        this.refresher = refresher;
        this.workerThreads = workerThreads;
    }

    public void setBoundPort(int port) {
        this.boundPort = port;
    }

    String render(RespRequest request) {
        Set<String> wanted = new LinkedHashSet<>();
        for (int i = 1; i < request.argCount(); i++) {
            String s = request.argString(i).toLowerCase(Locale.ROOT);
            if (s.equals("all") || s.equals("everything") || s.equals("default")) {
                wanted.addAll(SECTIONS);
            } else {
                wanted.add(s);
            }
        }
        if (wanted.isEmpty()) {
            wanted.addAll(SECTIONS);
        }
        StringBuilder sb = new StringBuilder();
        for (String section : SECTIONS) {
            if (!wanted.contains(section)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append("\r\n");
            }
            switch (section) {
                case "proxy" -> proxy(sb);
                case "stats" -> stats(sb);
                case "servers" -> servers(sb);
                default -> latency(sb);
            }
        }
        return sb.toString();
    }

    private void proxy(StringBuilder sb) {
        long uptime = (System.currentTimeMillis() - startMillis) / 1000;
        sb.append("# Proxy\r\n");
        line(sb, "proxy_version", Version.PROXY);
        line(sb, "redis_version", Version.REDIS_COMPATIBLE);
        line(sb, "name", options.name());
        line(sb, "bind", options.bind().host() + ":" + boundPort);
        line(sb, "process_id", ProcessHandle.current().pid());
        line(sb, "uptime_in_seconds", uptime);
        line(sb, "uptime_in_days", uptime / 86400);
        line(sb, "worker_threads", workerThreads);
        line(sb, "connected_clients", stats.clients.get());
        line(sb, "max_clients", options.maxClients());
        line(sb, "seeds", String.join(",", options.cluster().servers().stream().map(Object::toString).toList()));
    }

    private void stats(StringBuilder sb) {
        Topology t = refresher.current();
        sb.append("# Stats\r\n");
        line(sb, "total_connections_received", stats.connectionsReceived.sum());
        line(sb, "rejected_connections", stats.rejectedConnections.sum());
        line(sb, "total_commands_processed", stats.commands.sum());
        line(sb, "total_error_replies", stats.errorReplies.sum());
        line(sb, "split_commands", stats.splitCommands.sum());
        line(sb, "moved_followed", stats.movedFollowed.sum());
        line(sb, "ask_followed", stats.askFollowed.sum());
        line(sb, "retries", stats.retries.sum());
        line(sb, "slot_map_refreshes", refresher.refreshCount());
        line(sb, "slot_map_failed_refreshes", refresher.failedRefreshCount());
        line(sb, "slot_map_assigned_slots", t == null ? 0 : t.assignedSlots());
        line(sb, "slot_map_masters", t == null ? 0 : t.shards().size());
        line(sb, "slot_map_state", t == null ? "none: " + refresher.lastProblem().replace(':', ' ') : "ok");
    }

    private void servers(StringBuilder sb) {
        Topology t = refresher.current();
        sb.append("# Servers\r\n");
        List<BackendServer> servers = new ArrayList<>(registry.all());
        servers.sort(Comparator.comparing(BackendServer::address));
        long now = System.nanoTime();
        for (BackendServer s : servers) {
            String role = t == null ? null : t.roleOf(s);
            ShardRoute shard = t == null ? null : t.shardOfMaster(s);
            BackendStats st = s.stats();
            sb.append("server:").append(s.address())
                    .append(",role=").append(role == null ? "unknown" : role)
                    .append(",slots=").append(shard == null ? 0 : shard.slotCount())
                    .append(",connections=").append(st.connections.get())
                    .append(",requests=").append(st.requests.sum())
                    .append(",responses=").append(st.responses.sum())
                    .append(",errors=").append(st.errors.sum())
                    .append(",failures=").append(st.failures.sum())
                    .append(",consecutive_failures=").append(s.consecutiveFailures())
                    .append(",failed=").append(s.isFailed(now) ? 1 : 0)
                    .append(",bytes_in=").append(st.bytesIn.sum())
                    .append(",bytes_out=").append(st.bytesOut.sum())
                    .append("\r\n");
        }
    }

    private void latency(StringBuilder sb) {
        sb.append("# Latency\r\n");
        List<LatencyHistogram> all = new ArrayList<>(stats.latencies());
        all.sort(Comparator.comparing(LatencyHistogram::command));
        for (LatencyHistogram h : all) {
            long calls = h.calls();
            if (calls == 0) {
                continue;
            }
            sb.append("latency_").append(h.command().replace('|', '_'))
                    .append(":calls=").append(calls)
                    .append(",usec=").append(h.totalMicros())
                    .append(",usec_per_call=").append(String.format(Locale.ROOT, "%.2f",
                            h.totalMicros() / (double) calls));
            for (int i = 0; i < h.bucketCount(); i++) {
                sb.append(',').append(LatencyHistogram.bucketLabel(i)).append('=').append(h.bucket(i));
            }
            sb.append("\r\n");
        }
    }

    private static void line(StringBuilder sb, String key, Object value) {
        sb.append(key).append(':').append(value).append("\r\n");
    }
}
