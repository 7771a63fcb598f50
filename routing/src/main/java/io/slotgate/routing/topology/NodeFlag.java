package io.slotgate.routing.topology;

/** Flags of a {@code CLUSTER NODES} line, in the order Redis writes them (cluster-protocol.md §5). */
public enum NodeFlag {
    MYSELF("myself"),
    MASTER("master"),
    /** Written "slave" by Redis; "replica" is accepted too. */
    REPLICA("slave"),
    /** "fail?": the reporting node cannot reach it (PFAIL). */
    PFAIL("fail?"),
    /** A majority of masters agreed it failed. */
    FAIL("fail"),
    /** Not yet confirmed by a PONG; its id is temporary. */
    HANDSHAKE("handshake"),
    /** Its address is unknown. */
    NOADDR("noaddr"),
    /** A replica configured never to fail over. */
    NOFAILOVER("nofailover");

    private final String token;

    NodeFlag(String token) {
        this.token = token;
    }

    /** The token as Redis writes it. */
    public String token() {
        return token;
    }

    /** The flag for a token, or null for "noflags" and tokens this version does not know. */
    public static NodeFlag of(String token) {
        if (token.equals("replica")) {
            return REPLICA;
        }
        for (NodeFlag f : values()) {
            if (f.token.equals(token)) {
                return f;
            }
        }
        return null;
    }
}
