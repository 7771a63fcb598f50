package io.slotgate.proxy.routing;

import io.netty.buffer.ByteBuf;

/** Receives the final reply of a routed request (ownership of the buffer passes to the sink). */
public interface ReplySink {

    void complete(ByteBuf reply);
}
