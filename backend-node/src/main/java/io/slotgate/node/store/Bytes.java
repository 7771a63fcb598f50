package io.slotgate.node.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable byte string usable as a key of Java collections (members of hashes, sets and sorted sets).
 * Ordering is unsigned lexicographic, as Redis's memcmp.
 */
public final class Bytes implements Comparable<Bytes> {

    private final byte[] data;
    private int hash;

    public Bytes(byte[] data) {
        this.data = data;
    }

    public static Bytes of(String s) {
        return new Bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The wrapped array; callers must not modify it. */
    public byte[] bytes() {
        return data;
    }

    public int length() {
        return data.length;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(data);
            hash = h == 0 ? 1 : h;
            h = hash;
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(data, other.data);
    }

    @Override
    public int compareTo(Bytes o) {
        return Arrays.compareUnsigned(data, o.data);
    }

    @Override
    public String toString() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
