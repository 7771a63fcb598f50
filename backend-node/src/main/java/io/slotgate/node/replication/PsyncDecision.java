package io.slotgate.node.replication;

/**
 * The master's answer to {@code PSYNC <replid> <offset>} (replication.md §2.2): a partial resync iff the id is the
 * current one, or the previous one and the offset is not past where that history ended, and the backlog still
 * holds the bytes from that offset.
 *
 * @param partial whether to answer +CONTINUE (else +FULLRESYNC)
 * @param reason  why a full resync is needed (for the log), null when partial
 */
public record PsyncDecision(boolean partial, String reason) {

    public static PsyncDecision decide(String requestedId, long requestedOffset, ReplicationIds ids,
                                       ReplicationBacklog backlog) {
        if ("?".equals(requestedId)) {
            return new PsyncDecision(false, "full resync requested");
        }
        boolean current = ids.replid().equalsIgnoreCase(requestedId);
        boolean previous = !current && ids.replid2().equalsIgnoreCase(requestedId)
                && requestedOffset <= ids.secondOffset();
        if (!current && !previous) {
            return new PsyncDecision(false, "replication id mismatch");
        }
        if (backlog == null || !backlog.covers(requestedOffset)) {
            return new PsyncDecision(false, "offset out of the backlog range");
        }
        return new PsyncDecision(true, null);
    }
}
