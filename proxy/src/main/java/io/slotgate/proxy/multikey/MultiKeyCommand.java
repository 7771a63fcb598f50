package io.slotgate.proxy.multikey;

/**
 * Multi-key commands the proxy splits by slot (cluster-protocol.md §3.1): how keys sit in the arguments and how
 * the parts' replies are merged.
 */
public enum MultiKeyCommand {
    MGET(1, false), DEL(1, true), UNLINK(1, true), EXISTS(1, true), TOUCH(1, true), MSET(2, true),
    /** Atomic across its keys, so never split: only allowed when all keys share a slot. */
    MSETNX(2, true);

    /** Arguments per key: 1 (key) or 2 (key value). */
    final int step;
    final boolean write;

    MultiKeyCommand(int step, boolean write) {
        this.step = step;
        this.write = write;
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

    /** EXISTS counts repeated keys repeatedly, DEL counts each deleted key once: both come out right per slot. */
    boolean isRead() {
        return this == MGET || this == EXISTS;
    }
}
