package io.slotgate.routing.command;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An immutable open-addressing hash table from lower-case ASCII names to specs, probed with the raw bytes of a
 * request argument so that a lookup neither copies nor lower-cases into a new object.
 */
final class NameTable {

    private final byte[][] names;
    private final CommandSpec[] specs;
    private final int mask;

    /** @param entries specs keyed by their lower-case names */
    NameTable(Map<String, CommandSpec> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 4) - 1) << 1;
        names = new byte[capacity][];
        specs = new CommandSpec[capacity];
        mask = capacity - 1;
        entries.forEach((name, spec) -> {
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            int slot = hash(bytes) & mask;
            while (names[slot] != null) {
                slot = (slot + 1) & mask;
            }
            names[slot] = bytes;
            specs[slot] = spec;
        });
    }

    /** The spec named by {@code len} bytes of {@code buf} at absolute index {@code index}, any case; or null. */
    CommandSpec get(ByteBuf buf, int index, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + lower(buf.getByte(index + i));
        }
        for (int slot = mix(h) & mask; names[slot] != null; slot = (slot + 1) & mask) {
            if (matches(names[slot], buf, index, len)) {
                return specs[slot];
            }
        }
        return null;
    }

    /** Lookup by a name in any case (allocates; not for the hot path). */
    CommandSpec get(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return get(Unpooled.wrappedBuffer(bytes), 0, bytes.length);
    }

    private static boolean matches(byte[] name, ByteBuf buf, int index, int len) {
        if (name.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (name[i] != lower(buf.getByte(index + i))) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] lowerName) {
        int h = 0;
        for (byte b : lowerName) {
            h = 31 * h + b;
        }
        return mix(h);
    }

    /** Spreads the polynomial hash so short names sharing a prefix do not cluster. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }
}
