package io.slotgate.node.replication;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The replication ids of this node's history (replication.md §4): the current {@code replid}, and the previous
 * one ({@code replid2}) valid up to {@code secondOffset} (-1 and all zeros when unset).
 */
public record ReplicationIds(String replid, String replid2, long secondOffset) {

    public static final String NO_ID = "0000000000000000000000000000000000000000";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ReplicationIds fresh() {
        return new ReplicationIds(randomId(), NO_ID, -1);
    }

    /** 40 random hex characters. */
    public static String randomId() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Promotion: the current id becomes the previous one, valid up to {@code offset + 1}; a new id starts. */
    public ReplicationIds shift(long offset) {
        return new ReplicationIds(randomId(), replid, offset + 1);
    }

    /** +CONTINUE with another id: adopt it, keeping ours as the previous one (§4). */
    public ReplicationIds adopt(String newId, long offset) {
        return new ReplicationIds(newId, replid, offset + 1);
    }

    /** After a full sync: the master's id, no previous one. */
    public static ReplicationIds of(String replid) {
        return new ReplicationIds(replid, NO_ID, -1);
    }
}
