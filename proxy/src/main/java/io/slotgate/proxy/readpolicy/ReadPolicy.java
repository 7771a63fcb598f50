package io.slotgate.proxy.readpolicy;

import io.slotgate.proxy.backend.BackendServer;
import io.slotgate.proxy.config.ClusterOptions;
import io.slotgate.proxy.config.ReadPreference;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Turns the configured read priorities and weights into {@link ReadGroups} for a shard: servers of equal priority
 * form a group; groups are tried highest priority first. Servers with weight 0 never get reads.
 */
public final class ReadPolicy {

    private final ClusterOptions options;

    public ReadPolicy(ClusterOptions options) {
        this.options = options;
    }

    public ReadGroups groupsFor(BackendServer master, List<BackendServer> replicas) {
        TreeMap<Integer, List<BackendServer>> byPriority = new TreeMap<>((a, b) -> Integer.compare(b, a));
        TreeMap<Integer, List<Integer>> weightsByPriority = new TreeMap<>((a, b) -> Integer.compare(b, a));
        add(master, true, byPriority, weightsByPriority);
        for (BackendServer r : replicas) {
            add(r, false, byPriority, weightsByPriority);
        }
        BackendServer[][] servers = new BackendServer[byPriority.size()][];
        int[][] weights = new int[byPriority.size()][];
        int g = 0;
        for (Integer priority : byPriority.keySet()) {
            servers[g] = byPriority.get(priority).toArray(BackendServer[]::new);
            weights[g] = weightsByPriority.get(priority).stream().mapToInt(Integer::intValue).toArray();
            g++;
        }
        return new ReadGroups(servers, weights);
    }

    private void add(BackendServer s, boolean isMaster, TreeMap<Integer, List<BackendServer>> byPriority,
                     TreeMap<Integer, List<Integer>> weightsByPriority) {
        ReadPreference p = options.readPreference(s.address(), isMaster);
        if (p.weight() == 0) {
            return;
        }
        byPriority.computeIfAbsent(p.priority(), k -> new ArrayList<>()).add(s);
        weightsByPriority.computeIfAbsent(p.priority(), k -> new ArrayList<>()).add(p.weight());
    }
}
