package io.slotgate.proxy.multikey;

import io.netty.buffer.ByteBuf;
import io.slotgate.proxy.routing.ReplySink;

/** A command sent to every master that answers the same everywhere (SCRIPT LOAD): the client gets one answer. */
public final class FirstReplyMerge extends ReplyCollector {

    public FirstReplyMerge(int partCount, ReplySink client) {
        super(partCount, client);
    }

    @Override
    protected ByteBuf merge(ByteBuf[] parts) {
        return parts[0].retainedDuplicate();
    }
}
