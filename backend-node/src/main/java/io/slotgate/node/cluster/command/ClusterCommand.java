package io.slotgate.node.cluster.command;

import java.util.List;

/** A parsed, syntactically valid CLUSTER subcommand; state-dependent checks happen when it runs. */
public sealed interface ClusterCommand {

    record Info() implements ClusterCommand {
    }

    record Nodes() implements ClusterCommand {
    }

    record Slots() implements ClusterCommand {
    }

    record Shards() implements ClusterCommand {
    }

    record MyId() implements ClusterCommand {
    }

    record Links() implements ClusterCommand {
    }

    record Help() implements ClusterCommand {
    }

    record KeySlot(int slot) implements ClusterCommand {
    }

    /**
     * ADDSLOTS / DELSLOTS and their RANGE forms: inclusive ranges in argument order (a single slot is a range of
     * one), already checked to be valid slots with start &lt;= end.
     */
    record SlotAssignment(boolean delete, int[] starts, int[] ends) implements ClusterCommand {
    }

    record FlushSlots() implements ClusterCommand {
    }

    /** MEET: ip is a literal address, ports are in range. */
    record Meet(String ip, int port, int busPort) implements ClusterCommand {
    }

    record Forget(String nodeId) implements ClusterCommand {
    }

    record Replicate(String nodeId) implements ClusterCommand {
    }

    record Replicas(String nodeId) implements ClusterCommand {
    }

    record CountFailureReports(String nodeId) implements ClusterCommand {
    }

    record Reset(boolean hard) implements ClusterCommand {
    }

    record SaveConfig() implements ClusterCommand {
    }

    record SetConfigEpoch(long epoch) implements ClusterCommand {
    }

    record BumpEpoch() implements ClusterCommand {
    }

    /** FAILOVER [FORCE|TAKEOVER] (cluster-protocol.md §9). */
    record Failover(Mode mode) implements ClusterCommand {
        public enum Mode { DEFAULT, FORCE, TAKEOVER }
    }

    /**
     * TEST-DROP-LINKS id... | NONE: test-only partition switch (needs cluster-test-faults yes); an empty list
     * (NONE) restores all traffic.
     */
    record TestDropLinks(List<String> nodeIds) implements ClusterCommand {
        public TestDropLinks {
            nodeIds = List.copyOf(nodeIds);
        }
    }

    /** SETSLOT: {@code nodeId} is null for STABLE (cluster-protocol.md §9). */
    record SetSlot(int slot, Action action, String nodeId) implements ClusterCommand {
        public enum Action { IMPORTING, MIGRATING, STABLE, NODE }
    }

    record CountKeysInSlot(int slot) implements ClusterCommand {
    }

    record GetKeysInSlot(int slot, int count) implements ClusterCommand {
    }
}
