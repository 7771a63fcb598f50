package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;

/**
 * Finds where complete replies (RESP2 and RESP3, nested aggregates included) end, without decoding values, so a
 * proxy can cut a pipelined byte stream into per-request replies. Incremental: a partial reply keeps the scan
 * position, so the bytes already scanned are not scanned again when more arrive.
 */
public final class RespReplyScanner {

    /**
     * Scans {@code buf} from its reader index.
     *
     * @return the length in bytes of the first complete reply, or -1 if more bytes are needed
     * @throws RespProtocolException if the bytes are not RESP
     */
    public int scan(ByteBuf buf) {
        throw new UnsupportedOperationException("TODO: implemented by the framing work");
    }

    /** Forgets partial progress (call after the caller consumed a reply or on a new connection). */
    public void reset() {
        throw new UnsupportedOperationException("TODO: implemented by the framing work");
    }
}
