package io.slotgate.proxy.command;

import io.slotgate.proxy.multikey.MultiKeyCommand;
import io.slotgate.proxy.stats.LatencyHistogram;

/**
 * How the proxy handles one command type, decided once per command name.
 *
 * @param kind        the handling
 * @param read        whether the command only reads (may go to replicas)
 * @param singleKeyAt1 the only key is argument 1 (no key extraction needed)
 * @param multiKey    for {@link Kind#MULTI_KEY}: which splitter
 * @param latency     the command's latency histogram
 */
record CommandRoute(Kind kind, boolean read, boolean singleKeyAt1, MultiKeyCommand multiKey,
                    LatencyHistogram latency) {

    enum Kind {
        /** Answered by the proxy itself. */
        LOCAL,
        /** Key-less but harmless anywhere (COMMAND, TIME, PUBLISH...): sent to any master. */
        ANY_MASTER,
        /** Split by slot. */
        MULTI_KEY,
        /** Routed by the slot of its keys (all keys must share a slot). */
        KEYED,
        /** Keyed, but may wait for data: sent over a connection of its own (BLPOP, BZPOPMIN, ...). */
        BLOCKING,
        /** Refused with "-ERR X is not supported by the proxy". */
        UNSUPPORTED
    }
}
