package io.slotgate.node.persistence;

import io.netty.buffer.ByteBuf;
import io.slotgate.node.cluster.ClusterService;
import io.slotgate.node.store.KeyTable;
import io.slotgate.node.store.Keyspace;
import io.slotgate.routing.resp.RespRequest;
import io.slotgate.routing.slot.SlotHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * After loading, Redis's rule for keys in slots this master does not own (cluster.c, verifyClusterConfigWithData):
 * a slot nobody owns is claimed ("Taking responsibility"), a slot another node owns is set IMPORTING from that
 * node, so {@code redis-cli --cluster fix} can move the keys where they belong. Nothing is dropped or adopted
 * silently: one log line per range of slots, with its key count. Replicas skip the check, as Redis.
 */
public final class SlotOwnershipCheck {

    private static final Logger log = LoggerFactory.getLogger(SlotOwnershipCheck.class);
    private static final int SLOTS = 16384;

    private SlotOwnershipCheck() {
    }

    /** What was found: claimed and importing slot counts (for tests and INFO). */
    public record Outcome(int claimedSlots, long claimedKeys, int importingSlots, long importingKeys) {
    }

    public static Outcome run(Keyspace keyspace, ClusterService cluster) {
        long[] keys = countBySlot(keyspace);
        String nodes = call(cluster, "CLUSTER", "NODES");
        String myId = null;
        boolean iAmReplica = false;
        String[] owner = new String[SLOTS];
        for (String line : nodes.split("\n")) {
            String[] w = line.trim().split(" ");
            if (w.length < 8) {
                continue;
            }
            if (w[2].contains("myself")) {
                myId = w[0];
                iAmReplica = w[2].contains("slave") || w[2].contains("replica");
            }
            for (int i = 8; i < w.length; i++) {
                String t = w[i];
                if (t.startsWith("[")) {
                    continue;
                }
                int dash = t.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? t : t.substring(0, dash));
                int to = dash < 0 ? from : Integer.parseInt(t.substring(dash + 1));
                for (int s = from; s <= to; s++) {
                    owner[s] = w[0];
                }
            }
        }
        if (myId == null || iAmReplica) {
            return new Outcome(0, 0, 0, 0);
        }
        List<Integer> unassigned = new ArrayList<>();
        List<Integer> foreign = new ArrayList<>();
        for (int s = 0; s < SLOTS; s++) {
            if (keys[s] == 0 || myId.equals(owner[s])) {
                continue;
            }
            (owner[s] == null ? unassigned : foreign).add(s);
        }
        long claimedKeys = 0;
        List<String> claim = new ArrayList<>(List.of("CLUSTER", "ADDSLOTSRANGE"));
        for (int[] r : ranges(unassigned)) {
            long n = sum(keys, r);
            claimedKeys += n;
            log.warn("I have keys for unassigned slots {}-{} ({} keys). Taking responsibility for them.", r[0], r[1], n);
            claim.add(String.valueOf(r[0]));
            claim.add(String.valueOf(r[1]));
        }
        if (claim.size() > 2) {
            call(cluster, claim.toArray(String[]::new));
            log.warn("Claimed {} unassigned slots holding {} keys loaded from disk", unassigned.size(), claimedKeys);
        }
        long importingKeys = 0;
        for (int s : foreign) {
            importingKeys += keys[s];
        }
        for (int[] r : ranges(foreign)) {
            log.warn("I have keys for slots {}-{} ({} keys), but the slots are assigned to another node ({}). "
                    + "Setting them to importing state.", r[0], r[1], sum(keys, r), owner[r[0]]);
            for (int s = r[0]; s <= r[1]; s++) {
                call(cluster, "CLUSTER", "SETSLOT", String.valueOf(s), "IMPORTING", owner[s]);
            }
        }
        if (!foreign.isEmpty()) {
            log.warn("{} slots owned by other nodes hold {} keys loaded from disk: set IMPORTING here, move them with "
                    + "redis-cli --cluster fix", foreign.size(), importingKeys);
        }
        return new Outcome(unassigned.size(), claimedKeys, foreign.size(), importingKeys);
    }

    private static long sum(long[] keys, int[] r) {
        long n = 0;
        for (int s = r[0]; s <= r[1]; s++) {
            n += keys[s];
        }
        return n;
    }

    /** Consecutive slots as [from, to] pairs. */
    static List<int[]> ranges(List<Integer> slots) {
        List<int[]> out = new ArrayList<>();
        for (int s : slots) {
            if (!out.isEmpty() && out.get(out.size() - 1)[1] == s - 1) {
                out.get(out.size() - 1)[1] = s;
            } else {
                out.add(new int[]{s, s});
            }
        }
        return out;
    }

    private static long[] countBySlot(Keyspace keyspace) {
        long[] total = new long[SLOTS];
        keyspace.gather(p -> {
            long[] mine = new long[SLOTS];
            KeyTable t = p.table();
            for (int i = 0; i < t.capacity(); i++) {
                byte[] k = t.keyAt(i);
                if (k != null) {
                    mine[SlotHash.slot(k)]++;
                }
            }
            return mine;
        }).join().forEach(mine -> {
            for (int s = 0; s < SLOTS; s++) {
                total[s] += mine[s];
            }
        });
        return total;
    }

    /** One CLUSTER command; the reply as text (bulk body or status/error line). */
    private static String call(ClusterService cluster, String... args) {
        RespRequest r = RespRequest.of(args);
        try {
            ByteBuf reply = cluster.execute(r).toCompletableFuture().get(10, TimeUnit.SECONDS);
            try {
                String text = reply.toString(StandardCharsets.UTF_8);
                if (text.startsWith("-")) {
                    log.warn("{} failed: {}", String.join(" ", args), text.trim());
                }
                if (text.startsWith("$")) {
                    int nl = text.indexOf("\r\n");
                    return text.substring(nl + 2);
                }
                return text;
            } finally {
                reply.release();
            }
        } catch (Exception e) {
            throw new IllegalStateException(String.join(" ", args) + " failed: " + e.getMessage(), e);
        } finally {
            r.release();
        }
    }
}
