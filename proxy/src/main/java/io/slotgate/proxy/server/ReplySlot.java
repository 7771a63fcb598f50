package io.slotgate.proxy.server;

import io.netty.buffer.ByteBuf;
import io.slotgate.proxy.routing.ReplySink;

/**
 * The place of one request in its client's reply order. Replies may arrive out of order from different
 * backends; the client writes them only when every earlier slot is filled.
 */
public final class ReplySlot implements ReplySink {

    private final ClientConnection client;
    ByteBuf reply;
    boolean closeAfter;

    ReplySlot(ClientConnection client) {
        this.client = client;
    }

    @Override
    public void complete(ByteBuf reply) {
        this.reply = reply;
        client.onSlotFilled();
    }

    /** Completes with {@code reply} and closes the connection once it is written (QUIT, protocol errors). */
    public void completeAndClose(ByteBuf reply) {
        this.closeAfter = true;
        complete(reply);
    }
}
