package io.slotgate.node.cluster.state;

/**
 * Node flag bits, with Redis's values (cluster-engine.md §3.3) so CLUSTER NODES and nodes.conf render them the
 * same way; our own bus format carries them as-is.
 */
public final class NodeFlags {

    public static final int MASTER = 1;
    public static final int SLAVE = 2;
    public static final int PFAIL = 4;
    public static final int FAIL = 8;
    public static final int MYSELF = 16;
    public static final int HANDSHAKE = 32;
    public static final int NOADDR = 64;
    public static final int MEET = 128;
    public static final int MIGRATE_TO = 256;
    public static final int NOFAILOVER = 512;

    /** Flags that are printed, in CLUSTER NODES order (cluster-protocol.md §5). */
    private static final int[] PRINTED = {MYSELF, MASTER, SLAVE, PFAIL, FAIL, HANDSHAKE, NOADDR, NOFAILOVER};
    private static final String[] NAMES = {"myself", "master", "slave", "fail?", "fail", "handshake", "noaddr",
            "nofailover"};

    private NodeFlags() {
    }

    /** The comma list shown in CLUSTER NODES, "noflags" when none applies. */
    public static String format(int flags) {
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < PRINTED.length; i++) {
            if ((flags & PRINTED[i]) != 0) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(NAMES[i]);
            }
        }
        return sb.length() == 0 ? "noflags" : sb.toString();
    }

    /**
     * Parses a flags field of nodes.conf (cluster-engine.md §13.2: any unknown token is an error).
     *
     * @throws IllegalArgumentException on an unknown token
     */
    public static int parse(String field) {
        int flags = 0;
        for (String token : field.split(",", -1)) {
            if (token.equals("noflags")) {
                continue;
            }
            int bit = 0;
            for (int i = 0; i < NAMES.length; i++) {
                if (NAMES[i].equals(token)) {
                    bit = PRINTED[i];
                    break;
                }
            }
            if (bit == 0) {
                throw new IllegalArgumentException("unknown node flag '" + token + "'");
            }
            flags |= bit;
        }
        return flags;
    }

    public static boolean has(int flags, int bit) {
        return (flags & bit) != 0;
    }
}
