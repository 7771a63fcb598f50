package io.slotgate.node.replication;

/** INFO replication (replication.md §7, exact field names, CRLF lines) and ROLE's values. */
final class ReplicationInfo {

    private ReplicationInfo() {
    }

    static void replication(ReplicationManager m, StringBuilder sb) {
        long now = System.currentTimeMillis();
        long offset = m.offset();
        if (m.isReplica()) {
            MasterLink link = m.master();
            boolean up = link != null && link.isUp();
            line(sb, "role", "slave");
            line(sb, "master_host", m.masterHost());
            line(sb, "master_port", m.masterPort());
            line(sb, "master_link_status", up ? "up" : "down");
            line(sb, "master_last_io_seconds_ago", link == null ? -1 : (now - link.lastIoMillis()) / 1000);
            line(sb, "master_sync_in_progress", m.syncing() ? 1 : 0);
            line(sb, "slave_read_repl_offset", offset);
            line(sb, "slave_repl_offset", offset);
            if (m.syncing() && link != null && link.syncTotalBytes() >= 0) {
                long total = link.syncTotalBytes();
                long read = Math.min(total, link.syncReadBytes());
                line(sb, "master_sync_total_bytes", total);
                line(sb, "master_sync_read_bytes", read);
                line(sb, "master_sync_left_bytes", total - read);
                line(sb, "master_sync_perc", String.format(java.util.Locale.ROOT, "%.2f",
                        total == 0 ? 0.0 : read * 100.0 / total));
                line(sb, "master_sync_last_io_seconds_ago", (now - link.lastIoMillis()) / 1000);
            }
            if (!up) {
                long since = m.masterDownSince();
                line(sb, "master_link_down_since_seconds", since < 0 ? -1 : (now - since) / 1000);
            }
            line(sb, "slave_priority", 100);
            line(sb, "slave_read_only", 1);
            line(sb, "replica_announced", 1);
        } else {
            line(sb, "role", "master");
        }
        line(sb, "connected_slaves", m.replicas().size());
        int i = 0;
        for (ReplicaLink r : m.replicas()) {
            ReplicaLink.State s = r.state;
            long lag = s == ReplicaLink.State.ONLINE ? (now - r.ackMillis) / 1000 : 0;
            sb.append("slave").append(i++).append(":ip=").append(r.ip()).append(",port=")
                    .append(r.handshake.listeningPort()).append(",state=").append(s.info).append(",offset=")
                    .append(r.ackOffset).append(",lag=").append(lag).append("\r\n");
        }
        ReplicationIds ids = m.ids();
        ReplicationBacklog backlog = m.backlog();
        line(sb, "master_failover_state", "no-failover");
        line(sb, "master_replid", ids.replid());
        line(sb, "master_replid2", ids.replid2());
        line(sb, "master_repl_offset", offset);
        line(sb, "second_repl_offset", ids.secondOffset());
        line(sb, "repl_backlog_active", backlog == null ? 0 : 1);
        line(sb, "repl_backlog_size", m.options().backlogSize());
        line(sb, "repl_backlog_first_byte_offset", backlog == null ? 0 : backlog.firstByteOffset());
        line(sb, "repl_backlog_histlen", backlog == null ? 0 : backlog.histlen());
    }

    private static void line(StringBuilder sb, String name, Object value) {
        sb.append(name).append(':').append(value).append("\r\n");
    }
}
