package io.slotgate.routing.topology;

import io.slotgate.routing.redirect.Redirect;
import io.slotgate.routing.resp.RespError;
import io.slotgate.routing.slot.SlotHash;
import io.slotgate.routing.testsupport.RedisClusterFixture;
import io.slotgate.routing.testsupport.RedisServerProcess;
import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real 3-master, 3-replica cluster: the three topology replies parse to the same ownership, and that ownership is
 * the one the nodes enforce with MOVED.
 */
class SlotMapParsersIntegrationTests {

    private static RedisClusterFixture cluster;

    @BeforeAll
    static void startCluster() {
        cluster = RedisClusterFixture.start(3, 1);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldParseTheSameOwnershipFromSlotsShardsAndNodes() {
        for (int i = 0; i < cluster.servers().size(); i++) {
            SlotMap fromSlots;
            SlotMap fromShards;
            SlotMap fromNodes;
            try (RespConnection c = cluster.connect(i)) {
                fromSlots = ClusterSlotsParser.parse(c.call("CLUSTER", "SLOTS"), "127.0.0.1");
                fromShards = ClusterShardsParser.parse(c.call("CLUSTER", "SHARDS"), "127.0.0.1");
                fromNodes = ClusterNodesParser.toSlotMap(ClusterNodesParser.parseReply(c.call("CLUSTER", "NODES")),
                        "127.0.0.1");
            }

            assertThat(fromSlots.assignedSlots()).isEqualTo(SlotHash.SLOT_COUNT);
            assertThat(fromSlots.shards()).hasSize(3);
            assertThat(fromSlots.nodes()).extracting(ClusterNode::address)
                    .containsExactlyInAnyOrderElementsOf(cluster.addresses());
            for (int slot = 0; slot < SlotHash.SLOT_COUNT; slot++) {
                assertThat(describe(fromShards.shard(slot))).as("slot %d from CLUSTER SHARDS", slot)
                        .isEqualTo(describe(fromSlots.shard(slot)));
                assertThat(describe(fromNodes.shard(slot))).as("slot %d from CLUSTER NODES", slot)
                        .isEqualTo(describe(fromSlots.shard(slot)));
            }
        }
    }

    @Test
    void shouldGiveEachShardOneReplicaOnlineInEveryView() {
        try (RespConnection c = cluster.connect(0)) {
            List<ClusterShardsEntry> shards = ClusterShardsParser.parseEntries(c.call("CLUSTER", "SHARDS"));
            List<ClusterNodeEntry> nodes = ClusterNodesParser.parseReply(c.call("CLUSTER", "NODES"));

            assertThat(shards).hasSize(3).allSatisfy(s -> {
                assertThat(s.nodes()).hasSize(2);
                assertThat(s.replicas()).singleElement()
                        .satisfies(r -> assertThat(r.health()).isEqualTo(ClusterShardsEntry.Health.ONLINE));
            });
            assertThat(nodes).hasSize(6).filteredOn(ClusterNodeEntry::isMyself).singleElement()
                    .satisfies(me -> assertThat(me.port()).isEqualTo(cluster.server(0).port()));
            assertThat(nodes).filteredOn(ClusterNodeEntry::isReplica).hasSize(3)
                    .allSatisfy(r -> assertThat(r.masterId()).isNotNull());
        }
    }

    @Test
    void shouldMatchTheOwnerEveryNodeRedirectsTo() {
        SlotMap map = cluster.slotMap(0);
        byte[][] keyOfSlot = keyPerSlot();

        for (RedisServerProcess server : cluster.servers()) {
            try (RespConnection c = RespConnection.open(server.port())) {
                for (byte[] key : keyOfSlot) {
                    c.send("CLUSTER".getBytes(StandardCharsets.US_ASCII), "KEYSLOT".getBytes(StandardCharsets.US_ASCII),
                            key);
                    c.send("GET".getBytes(StandardCharsets.US_ASCII), key);
                }
                c.flush();
                for (int slot = 0; slot < SlotHash.SLOT_COUNT; slot++) {
                    assertThat(c.read()).as("CLUSTER KEYSLOT for slot %d", slot).isEqualTo((long) slot);
                    Object reply = c.read();
                    ClusterNode owner = map.master(slot);
                    if (owner.port() == server.port()) {
                        assertThat(reply).as("GET on the owner of slot %d", slot).isNull();
                    } else {
                        // Replicas redirect too: without READONLY they send reads to their master.
                        assertThat(reply).as("GET for slot %d on %s", slot, server.address())
                                .isInstanceOf(RespError.class);
                        Redirect redirect = Redirect.parse(((RespError) reply).text());
                        assertThat(redirect).isEqualTo(new Redirect(Redirect.Type.MOVED, slot, owner.host(),
                                owner.port()));
                    }
                }
            }
        }
    }

    @Test
    void shouldSeeMigratingAndImportingMarkersAndFollowAsk() {
        SlotMap map = cluster.slotMap(0);
        int slot = SlotHash.slot("foo".getBytes(StandardCharsets.US_ASCII));
        ClusterNode source = map.master(slot);
        ClusterNode target = map.shards().stream().map(Shard::master).filter(m -> !m.equals(source)).findFirst()
                .orElseThrow();
        try (RespConnection src = RespConnection.open(source.port());
             RespConnection dst = RespConnection.open(target.port())) {
            try {
                assertThat(dst.callText("CLUSTER", "SETSLOT", String.valueOf(slot), "IMPORTING", source.id()))
                        .isEqualTo("OK");
                assertThat(src.callText("CLUSTER", "SETSLOT", String.valueOf(slot), "MIGRATING", target.id()))
                        .isEqualTo("OK");

                ClusterNodeEntry srcSelf = myself(ClusterNodesParser.parseReply(src.call("CLUSTER", "NODES")));
                ClusterNodeEntry dstSelf = myself(ClusterNodesParser.parseReply(dst.call("CLUSTER", "NODES")));
                Object reply = src.call("GET", "foo");

                assertThat(srcSelf.migrating()).isEqualTo(Map.of(slot, target.id()));
                assertThat(dstSelf.importing()).isEqualTo(Map.of(slot, source.id()));
                // A missing key on a migrating slot is redirected with ASK (cluster-protocol.md §2.1 step 9).
                assertThat(reply).isInstanceOf(RespError.class);
                assertThat(Redirect.parse(((RespError) reply).text()))
                        .isEqualTo(new Redirect(Redirect.Type.ASK, slot, target.host(), target.port()));
                // Ownership is unchanged until SETSLOT NODE.
                assertThat(ClusterNodesParser.toSlotMap(ClusterNodesParser.parseReply(src.call("CLUSTER", "NODES")))
                        .master(slot).id()).isEqualTo(source.id());
            } finally {
                src.call("CLUSTER", "SETSLOT", String.valueOf(slot), "STABLE");
                dst.call("CLUSTER", "SETSLOT", String.valueOf(slot), "STABLE");
            }
        }
    }

    private static ClusterNodeEntry myself(List<ClusterNodeEntry> entries) {
        return entries.stream().filter(ClusterNodeEntry::isMyself).findFirst().orElseThrow();
    }

    /** One key for every slot, found with our own hash (checked against CLUSTER KEYSLOT by the caller). */
    private static byte[][] keyPerSlot() {
        byte[][] keys = new byte[SlotHash.SLOT_COUNT][];
        int found = 0;
        for (int i = 0; found < SlotHash.SLOT_COUNT; i++) {
            byte[] key = ("key:" + i).getBytes(StandardCharsets.US_ASCII);
            int slot = SlotHash.slot(key);
            if (keys[slot] == null) {
                keys[slot] = key;
                found++;
            }
        }
        return keys;
    }

    private static String describe(Shard shard) {
        if (shard == null) {
            return "unassigned";
        }
        Set<String> replicas = shard.replicas().stream().map(n -> n.id() + "@" + n.address() + "/" + n.role())
                .collect(Collectors.toCollection(TreeSet::new));
        ClusterNode m = shard.master();
        return m.id() + "@" + m.address() + "/" + m.role() + " replicas " + replicas;
    }
}
