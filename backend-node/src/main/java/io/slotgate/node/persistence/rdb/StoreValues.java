package io.slotgate.node.persistence.rdb;

import io.slotgate.node.store.Bytes;
import io.slotgate.node.store.HashValue;
import io.slotgate.node.store.ListValue;
import io.slotgate.node.store.SetValue;
import io.slotgate.node.store.ZSetValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts between the store's value classes (byte[] strings, ListValue, SetValue, ZSetValue, HashValue) and
 * {@link RdbValue}. Must run on the loop owning the value's partition; {@link #toRdb} shares the store's
 * element arrays (safe while serialized at once on that loop), {@link #toRdbCopy} copies them for use elsewhere.
 */
public final class StoreValues {

    private StoreValues() {
    }

    public static RdbValue toRdb(Object value) {
        return convert(value, false);
    }

    /** Like {@link #toRdb} but with copied strings (store strings may be modified in place, e.g. SETRANGE). */
    public static RdbValue toRdbCopy(Object value) {
        return convert(value, true);
    }

    private static RdbValue convert(Object value, boolean copy) {
        if (value instanceof byte[] s) {
            return new RdbValue.Str(copy ? s.clone() : s);
        }
        if (value instanceof ListValue l) {
            List<byte[]> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(l.get(i));
            }
            return new RdbValue.ListOf(out);
        }
        if (value instanceof SetValue s) {
            List<byte[]> out = new ArrayList<>(s.size());
            for (Bytes m : s.members()) {
                out.add(m.bytes());
            }
            return new RdbValue.SetOf(out);
        }
        if (value instanceof ZSetValue z) {
            List<RdbValue.ScoredMember> out = new ArrayList<>(z.size());
            for (ZSetValue.Entry e : z.ascending()) {
                out.add(new RdbValue.ScoredMember(e.member().bytes(), e.score()));
            }
            return new RdbValue.ZSetOf(out);
        }
        if (value instanceof HashValue h) {
            List<RdbValue.FieldValue> out = new ArrayList<>(h.size());
            for (Map.Entry<Bytes, byte[]> e : h.entrySet()) {
                out.add(new RdbValue.FieldValue(e.getKey().bytes(), e.getValue()));
            }
            return new RdbValue.HashOf(out);
        }
        throw new IllegalArgumentException("not a store value: " + value);
    }

    /** A new store value holding the RDB value's content (list elements and hash values are shared). */
    public static Object toStore(RdbValue value) {
        if (value instanceof RdbValue.Str s) {
            return s.value();
        }
        if (value instanceof RdbValue.ListOf l) {
            ListValue out = new ListValue();
            for (byte[] e : l.elements()) {
                out.addLast(e);
            }
            return out;
        }
        if (value instanceof RdbValue.SetOf s) {
            SetValue out = new SetValue();
            for (byte[] m : s.members()) {
                out.add(new Bytes(m));
            }
            return out;
        }
        if (value instanceof RdbValue.ZSetOf z) {
            ZSetValue out = new ZSetValue();
            for (RdbValue.ScoredMember e : z.entries()) {
                out.put(new Bytes(e.member()), e.score());
            }
            return out;
        }
        HashValue out = new HashValue();
        for (RdbValue.FieldValue e : ((RdbValue.HashOf) value).entries()) {
            out.put(new Bytes(e.field()), e.value());
        }
        return out;
    }
}
