package io.slotgate.node.cluster.command;

import io.netty.buffer.ByteBuf;
import io.slotgate.node.cluster.state.ClusterNodeInfo;
import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.state.SlotRange;
import io.slotgate.routing.resp.RespWriter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** RESP2 encodings of the CLUSTER replies that describe the node table (cluster-protocol.md §5-§8). */
public final class ClusterReplies {

    /** Our own wording; only the subcommand names and arguments follow Redis. */
    private static final String[] HELP = {
        "CLUSTER <subcommand> [<arg> ...]. Subcommands:",
        "INFO | NODES | SLOTS | SHARDS | MYID | LINKS",
        "    Describe the cluster as this node sees it.",
        "KEYSLOT <key>",
        "    Hash slot of a key.",
        "COUNTKEYSINSLOT <slot> | GETKEYSINSLOT <slot> <count>",
        "    Keys this node holds in a slot.",
        "ADDSLOTS <slot> ... | ADDSLOTSRANGE <start> <end> ...",
        "    Claim slots for this node.",
        "DELSLOTS <slot> ... | DELSLOTSRANGE <start> <end> ... | FLUSHSLOTS",
        "    Unassign slots in this node's table.",
        "MEET <ip> <port> [<bus-port>]",
        "    Join the node at that address.",
        "FORGET <node-id>",
        "    Drop a node from this node's table (banned from gossip for 60 s).",
        "REPLICATE <node-id>",
        "    Become a replica of that master.",
        "REPLICAS <node-id> | SLAVES <node-id>",
        "    Replicas of a master.",
        "COUNT-FAILURE-REPORTS <node-id>",
        "    Failure reports about a node.",
        "FAILOVER [FORCE|TAKEOVER]",
        "    Promote this replica (FORCE: without the master's agreement, TAKEOVER: without a vote).",
        "SETSLOT <slot> IMPORTING <node-id> | MIGRATING <node-id> | NODE <node-id> | STABLE",
        "    Open a slot for a move, hand it to a node, or close the move (what redis-cli --cluster reshard sends).",
        "TEST-DROP-LINKS <node-id> ... | NONE",
        "    Tests only (cluster-test-faults yes): drop bus traffic with those nodes.",
        "RESET [HARD|SOFT]",
        "    Forget every node and slot (HARD: also a new id and zero epochs).",
        "SAVECONFIG",
        "    Write the node config file now.",
        "SET-CONFIG-EPOCH <epoch> | BUMPEPOCH",
        "    Set or advance this node's config epoch.",
        "HELP",
        "    This text.",
    };

    private ClusterReplies() {
    }

    /** CLUSTER NODES: every line ends with "\n", the last one too. */
    public static String nodesText(List<ClusterNodeInfo> nodes) {
        StringBuilder sb = new StringBuilder(nodes.size() * 128);
        for (ClusterNodeInfo n : nodes) {
            sb.append(n.toLine()).append('\n');
        }
        return sb.toString();
    }

    /** CLUSTER SLOTS: one entry per run of slots with one owner, ascending; replicas that are not failed. */
    public static void writeSlots(ByteBuf out, List<ClusterNodeInfo> nodes) {
        record Entry(SlotRange range, ClusterNodeInfo master) {
        }
        List<Entry> entries = new ArrayList<>();
        for (ClusterNodeInfo n : nodes) {
            if (NodeFlags.has(n.flags(), NodeFlags.MASTER)) {
                for (SlotRange r : n.slots()) {
                    entries.add(new Entry(r, n));
                }
            }
        }
        entries.sort(Comparator.comparingInt(e -> e.range().start()));
        Map<String, List<ClusterNodeInfo>> replicas = replicasByMaster(nodes);
        RespWriter.writeArrayHeader(out, entries.size());
        for (Entry e : entries) {
            List<ClusterNodeInfo> reps = replicas.getOrDefault(e.master().id(), List.of()).stream()
                    .filter(r -> !NodeFlags.has(r.flags(), NodeFlags.FAIL))
                    .collect(Collectors.toList());
            RespWriter.writeArrayHeader(out, 3 + reps.size());
            RespWriter.writeInteger(out, e.range().start());
            RespWriter.writeInteger(out, e.range().end());
            writeSlotsNode(out, e.master());
            for (ClusterNodeInfo r : reps) {
                writeSlotsNode(out, r);
            }
        }
    }

    private static void writeSlotsNode(ByteBuf out, ClusterNodeInfo n) {
        RespWriter.writeArrayHeader(out, 4);
        RespWriter.writeBulk(out, n.ip());
        RespWriter.writeInteger(out, n.port());
        RespWriter.writeBulk(out, n.id());
        RespWriter.writeArrayHeader(out, 0); // no hostname announced: empty metadata map
    }

    /** CLUSTER SHARDS: one element per master (slot-less ones included), its replicas after it. */
    public static void writeShards(ByteBuf out, List<ClusterNodeInfo> nodes) {
        Map<String, List<ClusterNodeInfo>> replicas = replicasByMaster(nodes);
        List<ClusterNodeInfo> masters = nodes.stream()
                .filter(n -> NodeFlags.has(n.flags(), NodeFlags.MASTER))
                .collect(Collectors.toList());
        RespWriter.writeArrayHeader(out, masters.size());
        for (ClusterNodeInfo m : masters) {
            RespWriter.writeArrayHeader(out, 4);
            RespWriter.writeBulk(out, "slots");
            RespWriter.writeArrayHeader(out, m.slots().size() * 2);
            for (SlotRange r : m.slots()) {
                RespWriter.writeInteger(out, r.start());
                RespWriter.writeInteger(out, r.end());
            }
            RespWriter.writeBulk(out, "nodes");
            List<ClusterNodeInfo> reps = replicas.getOrDefault(m.id(), List.of());
            RespWriter.writeArrayHeader(out, 1 + reps.size());
            writeShardNode(out, m, true);
            for (ClusterNodeInfo r : reps) {
                writeShardNode(out, r, false);
            }
        }
    }

    private static void writeShardNode(ByteBuf out, ClusterNodeInfo n, boolean master) {
        RespWriter.writeArrayHeader(out, 14);
        RespWriter.writeBulk(out, "id");
        RespWriter.writeBulk(out, n.id());
        RespWriter.writeBulk(out, "port");
        RespWriter.writeInteger(out, n.port());
        RespWriter.writeBulk(out, "ip");
        RespWriter.writeBulk(out, n.ip());
        RespWriter.writeBulk(out, "endpoint");
        RespWriter.writeBulk(out, n.ip());
        RespWriter.writeBulk(out, "role");
        RespWriter.writeBulk(out, master ? "master" : "replica");
        RespWriter.writeBulk(out, "replication-offset");
        RespWriter.writeInteger(out, 0); // replication offsets arrive with replication
        RespWriter.writeBulk(out, "health");
        String health = NodeFlags.has(n.flags(), NodeFlags.FAIL) ? "fail" : master ? "online" : "loading";
        RespWriter.writeBulk(out, health);
    }

    /** CLUSTER REPLICAS: one CLUSTER NODES line (no newline) per replica. */
    public static void writeReplicas(ByteBuf out, List<ClusterNodeInfo> nodes, String masterId) {
        List<ClusterNodeInfo> reps = replicasByMaster(nodes).getOrDefault(masterId, List.of());
        RespWriter.writeArrayHeader(out, reps.size());
        for (ClusterNodeInfo r : reps) {
            RespWriter.writeBulk(out, r.toLine());
        }
    }

    public static void writeHelp(ByteBuf out) {
        RespWriter.writeArrayHeader(out, HELP.length);
        for (String line : HELP) {
            RespWriter.writeSimple(out, line);
        }
    }

    private static Map<String, List<ClusterNodeInfo>> replicasByMaster(List<ClusterNodeInfo> nodes) {
        Map<String, ClusterNodeInfo> byId = nodes.stream()
                .collect(Collectors.toMap(ClusterNodeInfo::id, Function.identity(), (a, b) -> a));
        return nodes.stream()
                .filter(n -> NodeFlags.has(n.flags(), NodeFlags.SLAVE) && n.masterId() != null
                        && byId.containsKey(n.masterId()))
                .collect(Collectors.groupingBy(ClusterNodeInfo::masterId, Collectors.toList()));
    }
}
