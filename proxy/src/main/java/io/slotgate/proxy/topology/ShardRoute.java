package io.slotgate.proxy.topology;

import io.slotgate.proxy.backend.BackendServer;
import io.slotgate.proxy.readpolicy.ReadGroups;

import java.util.List;

/**
 * The servers of one shard as the proxy routes to them: the master for writes, read groups for reads.
 *
 * @param slotCount slots this shard serves in the current map (INFO Servers)
 */
public record ShardRoute(BackendServer master, List<BackendServer> replicas, ReadGroups readGroups, int slotCount) {

    public ShardRoute {
        replicas = List.copyOf(replicas);
    }
}
