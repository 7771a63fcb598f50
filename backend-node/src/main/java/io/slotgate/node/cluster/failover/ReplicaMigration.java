package io.slotgate.node.cluster.failover;

import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.engine.ClusterNode;
import io.slotgate.node.cluster.engine.NodeTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replica migration (cluster-engine.md §11): a replica of the master with the most replicas moves to a master
 * left without working replicas, if its own master keeps more than cluster-migration-barrier. On the cluster
 * thread, from the cron.
 */
public final class ReplicaMigration {

    private static final Logger log = LoggerFactory.getLogger(ReplicaMigration.class);
    /** §11: a master must have been orphaned this long before a replica moves to it. */
    static final long MIGRATION_DELAY_MS = 5000;

    private final FailoverHost engine;
    private final NodeTable table;

    public ReplicaMigration(FailoverHost engine) {
        this.engine = engine;
        this.table = engine.table();
    }

    public void cron(long now) {
        ClusterNode me = table.myself;
        if (!me.isReplica() || me.master == null) {
            return;
        }
        int orphaned = 0;
        int maxReplicas = 0;
        int mine = 0;
        for (ClusterNode n : table.nodes()) {
            if (!n.isMaster() || n.has(NodeFlags.FAIL)) {
                continue;
            }
            int ok = nonFailedReplicas(n);
            if (ok == 0 && !n.slots.isEmpty() && n.has(NodeFlags.MIGRATE_TO)) {
                orphaned++;
            }
            maxReplicas = Math.max(maxReplicas, ok);
            if (me.master == n) {
                mine = ok;
            }
        }
        if (orphaned > 0 && maxReplicas >= 2 && mine == maxReplicas) {
            migrateIfNeeded(maxReplicas, now);
        }
    }

    /** Redis's clusterHandleSlaveMigration. */
    private void migrateIfNeeded(int maxReplicas, long now) {
        ClusterNode me = table.myself;
        if (!engine.stateOk()) {
            return;
        }
        int healthy = 0;
        for (ClusterNode r : me.master.replicas) {
            if (!NodeTable.isFailing(r)) {
                healthy++;
            }
        }
        if (healthy <= engine.options().migrationBarrier()) {
            return;
        }
        ClusterNode candidate = me;
        ClusterNode target = null;
        for (ClusterNode n : table.nodes()) {
            int ok = n.isMaster() ? nonFailedReplicas(n) : 0;
            boolean isOrphaned = n.isMaster() && !n.has(NodeFlags.FAIL) && n.has(NodeFlags.MIGRATE_TO) && ok == 0;
            if (isOrphaned) {
                if (target == null && !n.slots.isEmpty()) {
                    target = n;
                }
                if (n.orphanedTime == 0) {
                    n.orphanedTime = now;
                }
            } else {
                n.orphanedTime = 0;
            }
            if (ok == maxReplicas) {
                // Only the replica with the smallest id among the best-served masters moves.
                for (ClusterNode r : n.replicas) {
                    if (r.id.compareTo(candidate.id) < 0) {
                        candidate = r;
                    }
                }
            }
        }
        if (target != null && candidate == me && now - target.orphanedTime > MIGRATION_DELAY_MS) {
            log.info("Migrating to orphaned master {}", target.id);
            engine.setMyMaster(target);
            engine.broadcastPong();
        }
    }

    private static int nonFailedReplicas(ClusterNode master) {
        int n = 0;
        for (ClusterNode r : master.replicas) {
            if (!r.has(NodeFlags.FAIL)) {
                n++;
            }
        }
        return n;
    }
}
