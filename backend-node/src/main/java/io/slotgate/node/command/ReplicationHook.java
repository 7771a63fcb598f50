package io.slotgate.node.command;

/**
 * What the command layer asks of replication (implemented by {@code io.slotgate.node.replication}). Kept to a few
 * calls so the dispatcher stays independent of how the stream is produced.
 */
public interface ReplicationHook {

    /** A node without replication: nothing is propagated, writes are always accepted. */
    ReplicationHook NONE = new ReplicationHook() {
    };

    /** replication.md §5. */
    String READONLY = "READONLY You can't write against a read only replica.";

    /**
     * Why a client's write command cannot run now, or null: {@link #READONLY} on a read-only replica
     * (replication.md §5).
     */
    default String rejectClientWrite() {
        return null;
    }

    /**
     * Manual failover, master side (cluster-engine.md §8.4): when client writes are paused, keeps {@code resume}
     * to run once they are no longer (from another thread) and returns true; false means the write may run now.
     */
    default boolean holdClientWrite(Runnable resume) {
        return false;
    }

    /**
     * A write command ran without error on its partition's loop (or, keyless, on the client's loop). Called
     * only for client commands, never for commands applied from the master's stream.
     */
    default void propagate(Call call) {
    }

    /**
     * Finishes an EXEC whose queued writes were just propagated from partition {@code partition}'s loop, once
     * they are as durable as a single write's reply would be (appendfsync always: on disk).
     */
    default void finishTransaction(Call exec, int partition) {
        exec.finish();
    }

    /** The body of INFO's "# Replication" section (CRLF lines, header excluded). */
    default void infoReplication(StringBuilder sb) {
        sb.append("role:master\r\nconnected_slaves:0\r\n");
    }

    /** Lines appended to INFO's "# Stats" section (sync_full, sync_partial_ok, sync_partial_err). */
    default void infoStats(StringBuilder sb) {
    }

    /** CLIENT KILL TYPE master: drops the link to the master; whether there was one. */
    default boolean killMasterLink() {
        return false;
    }

    /** CLIENT KILL TYPE replica|slave: drops every replica link; how many. */
    default int killReplicaLinks() {
        return 0;
    }
}
