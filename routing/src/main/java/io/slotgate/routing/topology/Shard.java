package io.slotgate.routing.topology;

import java.util.List;

/** A master and its replicas, serving a set of slots. */
public record Shard(ClusterNode master, List<ClusterNode> replicas) {

    public Shard {
        replicas = List.copyOf(replicas);
    }
}
