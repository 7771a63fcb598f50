package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;

/**
 * Decodes one complete reply into plain Java values, for control-plane use (slot-map refresh, tools, tests), not
 * for the data path. Mapping: simple string -> String; error -> {@link RespError}; integer -> Long; bulk and
 * verbatim -> byte[] (verbatim without its "txt:" prefix); null and null bulk/array -> null; array, set, push ->
 * java.util.List; map -> java.util.LinkedHashMap; double -> Double; boolean -> Boolean; big number ->
 * java.math.BigInteger.
 */
public final class RespValues {

    private RespValues() {
    }

    /**
     * Decodes the first reply in {@code buf} and advances its reader index past it.
     *
     * @throws RespProtocolException if the bytes are malformed or incomplete
     */
    public static Object read(ByteBuf buf) {
        throw new UnsupportedOperationException("TODO: implemented by the framing work");
    }
}
