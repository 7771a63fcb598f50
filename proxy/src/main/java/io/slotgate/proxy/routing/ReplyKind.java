package io.slotgate.proxy.routing;

import io.netty.buffer.ByteBuf;

/** What the router must do with a backend reply, judged from its first bytes only (cluster-protocol.md §2). */
enum ReplyKind {
    FINAL, MOVED, ASK, TRYAGAIN, CLUSTERDOWN;

    static ReplyKind of(ByteBuf reply) {
        int i = reply.readerIndex();
        if (reply.getByte(i) != '-') {
            return FINAL;
        }
        int n = reply.readableBytes();
        switch (reply.getByte(i + 1)) {
            case 'M':
                return startsWith(reply, i + 1, n - 1, "MOVED ") ? MOVED : FINAL;
            case 'A':
                return startsWith(reply, i + 1, n - 1, "ASK ") ? ASK : FINAL;
            case 'T':
                return startsWith(reply, i + 1, n - 1, "TRYAGAIN") ? TRYAGAIN : FINAL;
            case 'C':
                return startsWith(reply, i + 1, n - 1, "CLUSTERDOWN") ? CLUSTERDOWN : FINAL;
            default:
                return FINAL;
        }
    }

    private static boolean startsWith(ByteBuf buf, int index, int available, String prefix) {
        if (available < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (buf.getByte(index + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
