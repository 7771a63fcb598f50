package io.slotgate.node.store;

import java.util.LinkedHashMap;

/** A Redis hash. Insertion order matches what Redis returns for small (listpack) hashes. */
public final class HashValue extends LinkedHashMap<Bytes, byte[]> {

    public HashValue copy() {
        HashValue c = new HashValue();
        c.putAll(this);
        return c;
    }
}
