package io.slotgate.proxy.topology;

import io.slotgate.proxy.backend.BackendRegistry;
import io.slotgate.proxy.backend.BackendServer;
import io.slotgate.proxy.readpolicy.ReadPolicy;
import io.slotgate.routing.resp.RespError;
import io.slotgate.routing.slot.SlotHash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Topology} from a decoded CLUSTER SLOTS reply (cluster-protocol.md §6): one entry per run of
 * slots, {@code [start, end, master, replica...]}, each node {@code [endpoint, port, id, metadata]}. A node with an
 * empty or "?" endpoint is reached at the host of the node that answered (Redis's meaning of an unknown endpoint).
 */
public final class ClusterSlotsReader {

    private final BackendRegistry registry;
    private final ReadPolicy readPolicy;

    public ClusterSlotsReader(BackendRegistry registry, ReadPolicy readPolicy) {
        this.registry = registry;
        this.readPolicy = readPolicy;
    }

    /**
     * @param reply        the value RespValues.read gave for the CLUSTER SLOTS reply
     * @param answeredHost host of the node that answered
     * @throws IllegalArgumentException if the reply is not a CLUSTER SLOTS reply
     */
    public Topology read(Object reply, String answeredHost) {
        if (reply instanceof RespError e) {
            throw new IllegalArgumentException("CLUSTER SLOTS failed: " + e.text());
        }
        if (!(reply instanceof List<?> ranges)) {
            throw new IllegalArgumentException("CLUSTER SLOTS reply is not an array");
        }
        Map<BackendServer, List<BackendServer>> replicasOf = new LinkedHashMap<>();
        Map<BackendServer, int[]> slotCounts = new LinkedHashMap<>();
        BackendServer[] masterBySlot = new BackendServer[SlotHash.SLOT_COUNT];
        for (Object rangeObj : ranges) {
            if (!(rangeObj instanceof List<?> range) || range.size() < 3) {
                throw new IllegalArgumentException("CLUSTER SLOTS entry is not [start, end, master, ...]");
            }
            int start = intOf(range.get(0));
            int end = intOf(range.get(1));
            if (start < 0 || end >= SlotHash.SLOT_COUNT || start > end) {
                throw new IllegalArgumentException("CLUSTER SLOTS range out of bounds: " + start + "-" + end);
            }
            BackendServer master = node(range.get(2), answeredHost);
            List<BackendServer> replicas = replicasOf.computeIfAbsent(master, m -> new ArrayList<>());
            for (int i = 3; i < range.size(); i++) {
                BackendServer r = node(range.get(i), answeredHost);
                if (!replicas.contains(r)) {
                    replicas.add(r);
                }
            }
            for (int s = start; s <= end; s++) {
                masterBySlot[s] = master;
            }
        }
        // Counted from the final table, so a (malformed) overlapping range cannot count a slot twice.
        for (BackendServer m : masterBySlot) {
            if (m != null) {
                slotCounts.computeIfAbsent(m, k -> new int[1])[0]++;
            }
        }
        Map<BackendServer, ShardRoute> routes = new LinkedHashMap<>();
        for (Map.Entry<BackendServer, List<BackendServer>> e : replicasOf.entrySet()) {
            BackendServer master = e.getKey();
            int[] count = slotCounts.get(master);
            if (count != null) {
                routes.put(master, new ShardRoute(master, e.getValue(), readPolicy.groupsFor(master, e.getValue()),
                        count[0]));
            }
        }
        ShardRoute[] bySlot = new ShardRoute[SlotHash.SLOT_COUNT];
        for (int s = 0; s < bySlot.length; s++) {
            bySlot[s] = masterBySlot[s] == null ? null : routes.get(masterBySlot[s]);
        }
        return new Topology(bySlot, new ArrayList<>(routes.values()));
    }

    private BackendServer node(Object nodeObj, String answeredHost) {
        if (!(nodeObj instanceof List<?> node) || node.size() < 2) {
            throw new IllegalArgumentException("CLUSTER SLOTS node is not [endpoint, port, ...]");
        }
        String host = node.get(0) instanceof byte[] b ? new String(b, StandardCharsets.UTF_8)
                : node.get(0) instanceof String s ? s : "";
        if (host.isEmpty() || host.equals("?")) {
            host = answeredHost;
        }
        int port = intOf(node.get(1));
        return registry.get(host + ":" + port);
    }

    private static int intOf(Object o) {
        if (o instanceof Long l) {
            return Math.toIntExact(l);
        }
        if (o instanceof byte[] b) {
            // Redis 7.0.0 sent some numbers as bulk strings (cluster-protocol.md §7).
            return Integer.parseInt(new String(b, StandardCharsets.US_ASCII));
        }
        throw new IllegalArgumentException("expected an integer in CLUSTER SLOTS, got " + o);
    }
}
