package io.slotgate.node.replication;

import io.slotgate.node.MemoryUnits;
import io.slotgate.node.NodeOptions;

import java.util.Map;

/**
 * Replication settings, read from the node's redis.conf-style extras.
 *
 * @param backlogSize      {@code repl-backlog-size} in bytes
 * @param masterauth       {@code masterauth}, or null
 * @param masteruser       {@code masteruser}, or null (AUTH with one argument then)
 * @param listeningPort    the port announced with REPLCONF listening-port ({@code replica-announce-port} or ours)
 * @param pingPeriodMillis {@code repl-ping-replica-period} (PING in the stream while replicas are attached)
 * @param reconnectMillis  pause before reconnecting a lost master link
 * @param timeoutMillis    {@code repl-timeout}: a silent master link or a replica without ACKs is dropped
 */
public record ReplicationOptions(int backlogSize, String masterauth, String masteruser, int listeningPort,
                                 long pingPeriodMillis, long reconnectMillis, long timeoutMillis) {

    public static final int DEFAULT_BACKLOG_SIZE = 1024 * 1024;
    public static final long DEFAULT_PING_PERIOD_MILLIS = 10_000;
    public static final long DEFAULT_RECONNECT_MILLIS = 1_000;
    public static final long DEFAULT_TIMEOUT_MILLIS = 60_000;

    public static ReplicationOptions from(NodeOptions node, int boundPort) {
        Map<String, String> x = node.extras();
        String size = x.get("repl-backlog-size");
        String announce = x.get("replica-announce-port");
        String ping = x.get("repl-ping-replica-period");
        String timeout = x.get("repl-timeout");
        return new ReplicationOptions(
                size == null ? DEFAULT_BACKLOG_SIZE : (int) Math.min(Integer.MAX_VALUE - 8, MemoryUnits.parse(size)),
                emptyToNull(x.get("masterauth")), emptyToNull(x.get("masteruser")),
                announce == null || announce.equals("0") ? boundPort : Integer.parseInt(announce),
                ping == null ? DEFAULT_PING_PERIOD_MILLIS : Long.parseLong(ping) * 1000,
                DEFAULT_RECONNECT_MILLIS,
                timeout == null ? DEFAULT_TIMEOUT_MILLIS : Long.parseLong(timeout) * 1000);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public ReplicationOptions withListeningPort(int port) {
        return new ReplicationOptions(backlogSize, masterauth, masteruser, port, pingPeriodMillis, reconnectMillis,
                timeoutMillis);
    }
}
