package io.slotgate.routing.command;

import io.slotgate.routing.resp.RespRequest;

/** A command-specific key finder: Redis's getkeys_proc, used where the key specs cannot describe the keys. */
@FunctionalInterface
interface KeyFinder {

    /** Key indexes of the request (arity already checked); never null. */
    int[] keys(RespRequest request);
}
