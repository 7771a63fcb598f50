package io.slotgate.proxy.routing;

import io.netty.buffer.ByteBuf;
import io.slotgate.proxy.backend.BackendConnection;
import io.slotgate.proxy.backend.InflightEntry;

/**
 * The reply to MULTI or to one queued command of a transaction block (+OK, +QUEUED, or an error that makes EXEC
 * fail). A MOVED/ASK is kept so the block can be retried at the right node once EXEC reports the abort.
 */
final class QueuedReplyEntry extends InflightEntry {

    private final Exchange exchange;

    QueuedReplyEntry(Exchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public void onReply(ByteBuf reply, BackendConnection from) {
        ReplyKind kind = ReplyKind.of(reply);
        if ((kind == ReplyKind.MOVED || kind == ReplyKind.ASK) && exchange.queuedRedirect == null) {
            exchange.queuedRedirect = reply;
        } else {
            reply.release();
        }
    }

    @Override
    public void onFailure(String errorText, BackendConnection from) {
        if (exchange.queuedRedirect != null) {
            exchange.queuedRedirect.release();
            exchange.queuedRedirect = null;
        }
    }
}
