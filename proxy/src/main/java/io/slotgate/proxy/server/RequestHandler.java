package io.slotgate.proxy.server;

import io.slotgate.routing.resp.RespRequest;

/** Executes one client request; the reply goes to a slot the handler reserves with {@link ClientConnection#newSlot}. */
public interface RequestHandler {

    /** Takes ownership of {@code request}. */
    void handle(ClientConnection client, RespRequest request);
}
