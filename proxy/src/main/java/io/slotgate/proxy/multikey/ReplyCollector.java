package io.slotgate.proxy.multikey;

import io.netty.buffer.ByteBuf;
import io.slotgate.proxy.routing.ReplySink;

/**
 * Gathers the replies of the parts a split command was sent as, and merges them into one reply for the client
 * once all have arrived. If any part failed, the client gets the first part's error (in part order). Owned by
 * one event loop.
 */
public abstract class ReplyCollector {

    private final ByteBuf[] parts;
    private final ReplySink client;
    private int missing;

    protected ReplyCollector(int partCount, ReplySink client) {
        this.parts = new ByteBuf[partCount];
        this.client = client;
        this.missing = partCount;
    }

    /** The sink for part {@code i}. */
    public ReplySink part(int i) {
        return reply -> {
            parts[i] = reply;
            if (--missing == 0) {
                finish();
            }
        };
    }

    private void finish() {
        ByteBuf result = null;
        for (ByteBuf p : parts) {
            if (p.getByte(p.readerIndex()) == '-') {
                result = p.retain();
                break;
            }
        }
        if (result == null) {
            try {
                result = merge(parts);
            } catch (RuntimeException e) {
                result = io.slotgate.proxy.routing.ErrorReplies.of("ERR slotgate: cannot merge replies: "
                        + e.getMessage());
            }
        }
        for (ByteBuf p : parts) {
            p.release();
        }
        client.complete(result);
    }

    /** Builds the client's reply from the parts' replies (none is an error); must not release them. */
    protected abstract ByteBuf merge(ByteBuf[] parts);
}
