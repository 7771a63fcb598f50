package io.slotgate.node.cluster.failover;

import java.util.Locale;

/**
 * Where this node stands in a failover, for logs and INFO's cluster section ({@code cluster_failover_state:}).
 * Redis has no such field; CLUSTER INFO stays byte-compatible because this is only in INFO.
 */
public enum FailoverState {
    /** Nothing in progress. */
    NONE,
    /** Replica: master failed (or manual failover ready), election scheduled after the rank delay (§8.2). */
    WAITING_DELAY,
    /** Replica: FAILOVER_AUTH_REQUEST sent, counting votes. */
    WAITING_VOTES,
    /** Replica: the election window passed without a majority; retried later. */
    EXPIRED,
    /** Replica: data too old to fail over automatically (cluster-replica-validity-factor, §8.1). */
    DATA_AGE,
    /** Replica: manual failover requested, waiting to reach the paused master's offset (§8.4). */
    MANUAL_WAIT_OFFSET,
    /** Master: writes paused for a replica's manual failover (§8.4). */
    MANUAL_PAUSED,
    /** Replica: election won, now master. */
    WON;

    /** The INFO value: lower case. */
    public String infoValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
