package io.slotgate.proxy.multikey;

/**
 * Multi-key commands the proxy splits by slot (cluster-protocol.md §3.1): how keys sit in the arguments and how
 * the parts' replies are merged.
 */
public enum MultiKeyCommand {
    MGET(1), DEL(1), UNLINK(1), EXISTS(1), TOUCH(1), MSET(2),
    /** Atomic across its keys, so never split: only allowed when all keys share a slot. */
    MSETNX(2);

    /** Arguments per key: 1 (key) or 2 (key value). */
    final int step;

    MultiKeyCommand(int step) {
        this.step = step;
    }

    /** The splittable command named {@code lowerName}, or null. */
    public static MultiKeyCommand of(String lowerName) {
        return switch (lowerName) {
            case "mget" -> MGET;
            case "del" -> DEL;
            case "unlink" -> UNLINK;
            case "exists" -> EXISTS;
            case "touch" -> TOUCH;
            case "mset" -> MSET;
            case "msetnx" -> MSETNX;
            default -> null;
        };
    }

    /** Reads may go to replicas (read policy); the others are writes. */
    boolean isRead() {
        return this == MGET || this == EXISTS;
    }
}
