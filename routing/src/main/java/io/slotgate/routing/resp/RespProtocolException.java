package io.slotgate.routing.resp;

import io.netty.handler.codec.DecoderException;

/** Malformed RESP where no client is there to be told (e.g. a backend's reply stream). */
public final class RespProtocolException extends DecoderException {

    public RespProtocolException(String message) {
        super(message);
    }
}
