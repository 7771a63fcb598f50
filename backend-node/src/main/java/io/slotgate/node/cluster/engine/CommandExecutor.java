package io.slotgate.node.cluster.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.slotgate.node.cluster.command.ClusterCommand;
import io.slotgate.node.cluster.command.ClusterCommandException;
import io.slotgate.node.cluster.command.ClusterCommandParser;
import io.slotgate.node.cluster.command.ClusterInfo;
import io.slotgate.node.cluster.command.ClusterReplies;
import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.state.SlotSet;
import io.slotgate.routing.resp.RespRequest;
import io.slotgate.routing.resp.RespWriter;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Runs CLUSTER subcommands against the engine's state (cluster-protocol.md §4-§9); on the cluster thread. */
final class CommandExecutor {

    private final ClusterEngine engine;
    private final NodeTable table;

    CommandExecutor(ClusterEngine engine) {
        this.engine = engine;
        this.table = engine.table;
    }

    void execute(RespRequest request, CompletableFuture<ByteBuf> reply) {
        ByteBuf out = ByteBufAllocator.DEFAULT.buffer(256);
        try {
            ClusterCommand cmd = ClusterCommandParser.parse(request);
            if (cmd instanceof ClusterCommand.CountKeysInSlot c) {
                out.release();
                countKeys(c.slot(), reply);
                return;
            }
            if (cmd instanceof ClusterCommand.GetKeysInSlot g) {
                out.release();
                getKeys(g, reply);
                return;
            }
            if (cmd instanceof ClusterCommand.SetSlot s && setSlot(s, out, reply)) {
                return; // completed after the keyspace answers
            }
            if (!(cmd instanceof ClusterCommand.SetSlot)) {
                run(cmd, out);
            }
        } catch (ClusterCommandException e) {
            out.clear();
            RespWriter.writeError(out, e.getMessage());
        } catch (RuntimeException e) {
            out.release();
            reply.completeExceptionally(e);
            return;
        }
        reply.complete(out);
    }

    /**
     * SETSLOT (cluster-protocol.md §9). Returns true when {@code reply} is completed later (and {@code out} was
     * released): NODE first counts the slot's local keys on the keyspace's loop, then finishes on the cluster loop.
     */
    private boolean setSlot(ClusterCommand.SetSlot c, ByteBuf out, CompletableFuture<ByteBuf> reply)
            throws ClusterCommandException {
        ClusterNode me = table.myself;
        if (me.isReplica()) {
            throw ClusterCommandException.err("Please use SETSLOT only with masters.");
        }
        int slot = c.slot();
        switch (c.action()) {
            case MIGRATING -> {
                if (table.owner(slot) != me) {
                    throw ClusterCommandException.err("I'm not the owner of hash slot " + slot);
                }
                table.migratingTo[slot] = masterNamed(c.nodeId(), "I don't know about node ");
            }
            case IMPORTING -> {
                if (table.owner(slot) == me) {
                    throw ClusterCommandException.err("I'm already the owner of hash slot " + slot);
                }
                table.importingFrom[slot] = masterNamed(c.nodeId(), "I don't know about node ");
            }
            case STABLE -> {
                table.migratingTo[slot] = null;
                table.importingFrom[slot] = null;
            }
            case NODE -> {
                masterNamed(c.nodeId(), "Unknown node ");
                out.release();
                engine.keyspace.countKeysInSlot(slot).whenComplete((keys, err) -> engine.runOnLoop(() -> {
                    if (err != null) {
                        reply.completeExceptionally(err);
                        return;
                    }
                    ByteBuf done = ByteBufAllocator.DEFAULT.buffer(64);
                    try {
                        assignSlot(slot, masterNamed(c.nodeId(), "Unknown node "), keys);
                        RespWriter.writeOk(done);
                    } catch (ClusterCommandException e) {
                        RespWriter.writeError(done, e.getMessage());
                    }
                    engine.afterEvent(); // publish before replying, as for every CLUSTER command
                    reply.complete(done);
                }));
                return true;
            }
            default -> throw new IllegalStateException(c.action().toString());
        }
        engine.markConfigChangedNoFsync();
        RespWriter.writeOk(out);
        return false;
    }

    /** A known master, or the error {@code unknownPrefix + id} / "Target node is not a master". */
    private ClusterNode masterNamed(String id, String unknownPrefix) throws ClusterCommandException {
        ClusterNode n = table.get(id);
        if (n == null) {
            throw ClusterCommandException.err(unknownPrefix + id);
        }
        if (n.isReplica()) {
            throw ClusterCommandException.err("Target node is not a master");
        }
        return n;
    }

    /** SETSLOT NODE's effects, in Redis's order, once the local key count of the slot is known. */
    private void assignSlot(int slot, ClusterNode n, long localKeys) throws ClusterCommandException {
        ClusterNode me = table.myself;
        if (me.isReplica()) {
            throw ClusterCommandException.err("Please use SETSLOT only with masters.");
        }
        boolean wasMine = table.owner(slot) == me;
        if (wasMine && n != me && localKeys != 0) {
            throw ClusterCommandException.err("Can't assign hashslot " + slot
                    + " to a different node while I still hold keys for this hash slot.");
        }
        if (localKeys == 0) {
            table.migratingTo[slot] = null;
        }
        table.setOwner(slot, n);
        engine.markConfigChangedNoFsync(); // the epoch bump and the demotion below ask for fsync themselves
        if (wasMine && n != me && me.slots.isEmpty()) {
            // cluster-allow-replica-migration yes (the default): a master left without slots follows the new owner.
            engine.setMyMaster(n);
        }
        if (n == me && table.importingFrom[slot] != null) {
            // cluster-engine.md §10.3: a higher epoch of our own makes every node accept the new owner.
            table.importingFrom[slot] = null;
            engine.bumpEpochWithoutConsensus();
            engine.broadcastPong(); // publishes our snapshot first (ClusterEngine.header)
        }
    }

    private void run(ClusterCommand cmd, ByteBuf out) throws ClusterCommandException {
        ClusterNode me = table.myself;
        if (cmd instanceof ClusterCommand.Info) {
            RespWriter.writeBulk(out, info().render());
        } else if (cmd instanceof ClusterCommand.Nodes) {
            RespWriter.writeBulk(out, ClusterReplies.nodesText(engine.describe()));
        } else if (cmd instanceof ClusterCommand.Slots) {
            ClusterReplies.writeSlots(out, engine.describe());
        } else if (cmd instanceof ClusterCommand.Shards) {
            ClusterReplies.writeShards(out, engine.describe());
        } else if (cmd instanceof ClusterCommand.MyId) {
            RespWriter.writeBulk(out, me.id);
        } else if (cmd instanceof ClusterCommand.Help) {
            ClusterReplies.writeHelp(out);
        } else if (cmd instanceof ClusterCommand.KeySlot k) {
            RespWriter.writeInteger(out, k.slot());
        } else if (cmd instanceof ClusterCommand.Links) {
            links(out);
        } else if (cmd instanceof ClusterCommand.SlotAssignment a) {
            assignSlots(a);
            RespWriter.writeOk(out);
        } else if (cmd instanceof ClusterCommand.FlushSlots) {
            // Redis also refuses while db 0 has keys; KeyspaceAccess cannot tell yet (see report).
            table.clearSlots(me);
            engine.markConfigChanged();
            engine.broadcastPong();
            RespWriter.writeOk(out);
        } else if (cmd instanceof ClusterCommand.Meet m) {
            meet(m);
            RespWriter.writeOk(out);
        } else if (cmd instanceof ClusterCommand.Forget f) {
            forget(f.nodeId());
            RespWriter.writeOk(out);
        } else if (cmd instanceof ClusterCommand.Replicate r) {
            replicate(r.nodeId());
            RespWriter.writeOk(out);
        } else if (cmd instanceof ClusterCommand.Replicas r) {
            ClusterNode n = known(r.nodeId());
            if (n.isReplica()) {
                throw ClusterCommandException.err("The specified node is not a master");
            }
            ClusterReplies.writeReplicas(out, engine.describe(), n.id);
        } else if (cmd instanceof ClusterCommand.CountFailureReports c) {
            RespWriter.writeInteger(out, engine.failures.reports(known(c.nodeId()), engine.now()));
        } else if (cmd instanceof ClusterCommand.Failover f) {
            engine.failover.manual(f.mode(), engine.now());
            RespWriter.writeOk(out);
        } else if (cmd instanceof ClusterCommand.TestDropLinks d) {
            testDropLinks(d);
            RespWriter.writeOk(out);
        } else if (cmd instanceof ClusterCommand.Reset r) {
            reset(r.hard());
            RespWriter.writeOk(out);
        } else if (cmd instanceof ClusterCommand.SaveConfig) {
            IOException e = engine.saveConfig();
            if (e != null) {
                throw ClusterCommandException.err("error saving the cluster node config: " + e.getMessage());
            }
            RespWriter.writeOk(out);
        } else if (cmd instanceof ClusterCommand.SetConfigEpoch s) {
            setConfigEpoch(s.epoch());
            RespWriter.writeOk(out);
        } else if (cmd instanceof ClusterCommand.BumpEpoch) {
            boolean bumped = engine.bumpEpochWithoutConsensus();
            if (bumped) {
                engine.broadcastPong();
            }
            RespWriter.writeSimple(out, (bumped ? "BUMPED " : "STILL ") + me.configEpoch);
        } else {
            throw ClusterCommandException.err("unknown subcommand. Try CLUSTER HELP.");
        }
    }

    /** The test-only partition switch; refused unless cluster-test-faults is on. */
    private void testDropLinks(ClusterCommand.TestDropLinks d) throws ClusterCommandException {
        if (!engine.options.testFaults()) {
            throw ClusterCommandException.err("CLUSTER TEST-DROP-LINKS is disabled; start the node with"
                    + " cluster-test-faults yes (tests only)");
        }
        Set<String> ids = new HashSet<>();
        for (String id : d.nodeIds()) {
            ids.add(known(id).id);
        }
        engine.dropLinks(ids);
    }

    private ClusterNode known(String id) throws ClusterCommandException {
        ClusterNode n = table.get(id);
        if (n == null) {
            throw ClusterCommandException.err("Unknown node " + id);
        }
        return n;
    }

    ClusterInfo info() {
        int assigned = 0;
        int ok = 0;
        int pfail = 0;
        int fail = 0;
        for (int s = 0; s < SlotSet.SLOTS; s++) {
            ClusterNode o = table.owner(s);
            if (o == null) {
                continue;
            }
            assigned++;
            if (o.has(NodeFlags.FAIL)) {
                fail++;
            } else if (o.has(NodeFlags.PFAIL)) {
                pfail++;
            } else {
                ok++;
            }
        }
        return new ClusterInfo(engine.stateOk() ? "ok" : "fail", assigned, ok, pfail, fail, table.size(),
                engine.size, table.currentEpoch, table.myself.effectiveConfigEpoch(), engine.sent.clone(),
                engine.received.clone());
    }

    /** ADDSLOTS/DELSLOTS(RANGE): every slot is checked before anything changes (cluster-protocol.md §9). */
    private void assignSlots(ClusterCommand.SlotAssignment a) throws ClusterCommandException {
        SlotSet seen = new SlotSet();
        for (int i = 0; i < a.starts().length; i++) {
            for (int s = a.starts()[i]; s <= a.ends()[i]; s++) {
                if (a.delete() && table.owner(s) == null) {
                    throw ClusterCommandException.err("Slot " + s + " is already unassigned");
                }
                if (!a.delete() && table.owner(s) != null) {
                    throw ClusterCommandException.err("Slot " + s + " is already busy");
                }
                if (!seen.add(s)) {
                    throw ClusterCommandException.err("Slot " + s + " specified multiple times");
                }
            }
        }
        ClusterNode target = a.delete() ? null : table.myself;
        for (int s = seen.next(0); s >= 0; s = seen.next(s + 1)) {
            table.setOwner(s, target);
        }
        engine.markConfigChanged();
        engine.broadcastPong();
    }

    private void meet(ClusterCommand.Meet m) {
        for (ClusterNode n : table.nodes()) {
            if (n.inHandshake() && n.ip.equals(m.ip()) && n.port == m.port() && n.busPort == m.busPort()) {
                return; // a handshake with that address is already in progress
            }
        }
        ClusterNode n = new ClusterNode(NodeTable.randomId(), NodeFlags.HANDSHAKE | NodeFlags.MEET, engine.now());
        n.ip = m.ip();
        n.port = m.port();
        n.busPort = m.busPort();
        table.add(n);
        engine.markConfigChanged();
    }

    private void forget(String id) throws ClusterCommandException {
        ClusterNode n = known(id);
        ClusterNode me = table.myself;
        if (n == me) {
            throw ClusterCommandException.err("I tried hard but I can't forget myself...");
        }
        if (me.isReplica() && me.master == n) {
            throw ClusterCommandException.err("Can't forget my master!");
        }
        table.ban(n.id, engine.now());
        engine.removeNode(n);
    }

    private void replicate(String id) throws ClusterCommandException {
        ClusterNode n = known(id);
        ClusterNode me = table.myself;
        if (n == me) {
            throw ClusterCommandException.err("Can't replicate myself");
        }
        if (n.isReplica()) {
            throw ClusterCommandException.err("I can only replicate a master, not a replica.");
        }
        // Redis also refuses a master holding keys; KeyspaceAccess cannot tell yet (see report).
        if (me.isMaster() && !me.slots.isEmpty()) {
            throw ClusterCommandException.err("To set a master the node must be empty and without assigned slots.");
        }
        engine.setMyMaster(n);
        engine.broadcastPong();
    }

    private void reset(boolean hard) {
        ClusterNode me = table.myself;
        engine.setNodeAsMaster(me);
        for (int s = 0; s < SlotSet.SLOTS; s++) {
            table.setOwner(s, null);
        }
        table.clearAllOpenSlots();
        for (ClusterNode n : table.nodeList()) {
            if (n != me) {
                engine.removeNode(n);
            }
        }
        if (hard) {
            table.currentEpoch = 0;
            table.lastVoteEpoch = 0;
            me.configEpoch = 0;
            table.rename(me, NodeTable.randomId());
        }
        engine.markConfigChanged();
    }

    private void setConfigEpoch(long epoch) throws ClusterCommandException {
        ClusterNode me = table.myself;
        if (table.knowsOthers()) {
            throw ClusterCommandException.err(
                    "The user can assign a config epoch only when the node does not know any other node.");
        }
        if (me.configEpoch != 0) {
            throw ClusterCommandException.err("Node config epoch is already non-zero");
        }
        me.configEpoch = epoch;
        table.currentEpoch = Math.max(table.currentEpoch, epoch);
        engine.markConfigChanged();
    }

    /** CLUSTER LINKS: one map (flat array in RESP2) per link whose peer is known. */
    private void links(ByteBuf out) {
        List<ClusterNode> nodes = table.nodeList();
        int count = 0;
        for (ClusterNode n : nodes) {
            count += (n.link != null ? 1 : 0) + (n.inboundLink != null ? 1 : 0);
        }
        RespWriter.writeArrayHeader(out, count);
        for (ClusterNode n : nodes) {
            if (n.link != null) {
                writeLink(out, "to", n, n.link);
            }
            if (n.inboundLink != null) {
                writeLink(out, "from", n, n.inboundLink);
            }
        }
    }

    private static void writeLink(ByteBuf out, String direction, ClusterNode n,
                                  io.slotgate.node.cluster.gossip.BusLink link) {
        long pending = link.pendingBytes();
        RespWriter.writeArrayHeader(out, 12);
        RespWriter.writeBulk(out, "direction");
        RespWriter.writeBulk(out, direction);
        RespWriter.writeBulk(out, "node");
        RespWriter.writeBulk(out, n.id);
        RespWriter.writeBulk(out, "create-time");
        RespWriter.writeInteger(out, link.createdAt());
        RespWriter.writeBulk(out, "events");
        RespWriter.writeBulk(out, pending > 0 ? "rw" : "r");
        RespWriter.writeBulk(out, "send-buffer-allocated");
        RespWriter.writeInteger(out, pending);
        RespWriter.writeBulk(out, "send-buffer-used");
        RespWriter.writeInteger(out, pending);
    }

    private void countKeys(int slot, CompletableFuture<ByteBuf> reply) {
        engine.keyspace.countKeysInSlot(slot).whenComplete((n, err) -> {
            if (err != null) {
                reply.completeExceptionally(err);
                return;
            }
            ByteBuf out = ByteBufAllocator.DEFAULT.buffer(16);
            RespWriter.writeInteger(out, n);
            reply.complete(out);
        });
    }

    private void getKeys(ClusterCommand.GetKeysInSlot g, CompletableFuture<ByteBuf> reply) {
        engine.keyspace.keysInSlot(g.slot(), g.count()).whenComplete((keys, err) -> {
            if (err != null) {
                reply.completeExceptionally(err);
                return;
            }
            ByteBuf out = ByteBufAllocator.DEFAULT.buffer(64);
            RespWriter.writeArrayHeader(out, keys.size());
            for (byte[] k : keys) {
                RespWriter.writeBulk(out, k);
            }
            reply.complete(out);
        });
    }
}
