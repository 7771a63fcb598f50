package io.slotgate.node.replication;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.command.ReplicationHook;

import java.net.InetSocketAddress;
import java.util.Locale;

/** REPLCONF, PSYNC, SYNC, WAIT, ROLE and REPLICAOF/SLAVEOF (replication.md §2, §6, §7). */
public final class ReplicationCommands {

    static final String CLUSTER_REPLICAOF = "ERR REPLICAOF not allowed in cluster mode.";

    private ReplicationCommands() {
    }

    public static void register(CommandRegistry r) {
        KeySpec none = KeySpec.none();
        r.add("replconf", -1, 0, none, ReplicationCommands::replconf);
        r.add("psync", -3, 0, none, c -> manager(c).sync(c, c.argString(1), psyncOffset(c), false));
        r.add("sync", 1, 0, none, c -> manager(c).sync(c, "?", -1, true));
        r.add("wait", 3, 0, none, ReplicationCommands::waitCommand);
        r.add("role", 1, 0, none, ReplicationCommands::role);
        r.add("replicaof", 3, 0, none, ReplicationCommands::replicaof);
        r.add("slaveof", 3, 0, none, ReplicationCommands::replicaof);
    }

    private static ReplicationManager manager(Call c) {
        ReplicationHook hook = c.node().replication();
        if (hook instanceof ReplicationManager m) {
            return m;
        }
        throw new CommandException("ERR replication is not enabled on this node");
    }

    private static long psyncOffset(Call c) {
        return c.argLong(2, Errors.NOT_INTEGER);
    }

    /** REPLCONF (§2.1): odd argument count, options in pairs; ACK and GETACK are never answered. */
    private static void replconf(Call c) {
        if (c.argc() % 2 == 0) {
            throw new CommandException(Errors.SYNTAX);
        }
        ReplicationManager m = manager(c);
        ReplicaHandshake hs = m.handshake(c.session());
        for (int i = 1; i < c.argc(); i += 2) {
            String option = c.argString(i).toLowerCase(Locale.ROOT);
            switch (option) {
                case "listening-port" -> hs.listeningPort((int) c.argLong(i + 1));
                case "ip-address" -> {
                    String ip = c.argString(i + 1);
                    if (ip.length() >= 46) {
                        throw new CommandException("ERR REPLCONF ip-address provided by replica instance is too "
                                + "long: " + ip.length() + " bytes");
                    }
                    hs.ipAddress(ip);
                }
                case "capa" -> {
                    if (c.argIs(i + 1, "eof")) {
                        hs.capaEof(true);
                    } else if (c.argIs(i + 1, "psync2")) {
                        hs.capaPsync2(true);
                    }
                }
                case "ack" -> {
                    m.ack(c.session(), c.argLong(i + 1));
                    return;
                }
                case "getack" -> {
                    m.getAck();
                    return;
                }
                case "rdb-only" -> hs.rdbOnly(c.argLong(i + 1) == 1);
                case "rdb-filter-only" -> {
                    if (!c.argString(i + 1).isEmpty() && !c.argIs(i + 1, "functions")) {
                        throw new CommandException("ERR Unsupported rdb-filter-only option: " + c.argString(i + 1));
                    }
                }
                default -> throw new CommandException("ERR Unrecognized REPLCONF option: " + c.argString(i));
            }
        }
        c.ok();
    }

    private static void waitCommand(Call c) {
        long numReplicas = c.argLong(1);
        long timeout = c.argLong(2, "ERR timeout is not an integer or out of range");
        if (timeout < 0) {
            throw new CommandException("ERR timeout is negative");
        }
        manager(c).waitFor(c, (int) Math.min(Integer.MAX_VALUE, Math.max(0, numReplicas)), timeout);
    }

    /** ROLE (§7). */
    private static void role(Call c) {
        ReplicationManager m = manager(c);
        if (m.isReplica()) {
            MasterLink link = m.master();
            c.array(5);
            c.bulk("slave");
            c.bulk(m.masterHost());
            c.integer(m.masterPort());
            c.bulk(link == null ? "connect" : link.phase().role);
            c.integer(link != null && link.isUp() ? m.offset() : -1);
            return;
        }
        var online = m.replicas().stream().filter(r -> r.state == ReplicaLink.State.ONLINE).toList();
        c.array(3);
        c.bulk("master");
        c.integer(m.offset());
        c.array(online.size());
        for (ReplicaLink r : online) {
            c.array(3);
            c.bulk(r.ip());
            c.bulk(Integer.toString(r.handshake.listeningPort()));
            c.bulk(Long.toString(r.ackOffset));
        }
    }

    /** REPLICAOF host port | NO ONE; only without cluster mode (in a cluster the engine decides, §intro). */
    private static void replicaof(Call c) {
        if (c.node().options().clusterEnabled()) {
            throw new CommandException(CLUSTER_REPLICAOF);
        }
        ReplicationManager m = manager(c);
        if (c.argIs(1, "no") && c.argIs(2, "one")) {
            m.becomeMaster();
            c.ok();
            return;
        }
        long port = c.argLong(2, "ERR Invalid master port");
        if (port < 0 || port > 65535) {
            throw new CommandException("ERR Invalid master port");
        }
        String host = c.argString(1);
        if (c.session().channel().localAddress() instanceof InetSocketAddress local
                && port == local.getPort() && (host.equals("127.0.0.1") || host.equals("localhost"))) {
            throw new CommandException("ERR Can't replicate myself.");
        }
        m.replicateFrom(host, (int) port);
        c.simple("OK");
    }
}
