package io.slotgate.node.persistence.rdb;

import java.util.List;

/**
 * A Redis value as RDB carries it, independent of the node's store classes: what the codec reads and writes.
 * Collections keep the order they were read in (Redis writes small hashes and lists in their logical order).
 * Byte arrays are owned by the value once built; nobody modifies them.
 */
public sealed interface RdbValue {

    /** A string value. */
    record Str(byte[] value) implements RdbValue {
    }

    /** A list, head first. */
    record ListOf(List<byte[]> elements) implements RdbValue {
    }

    /** A set's members (no duplicates). */
    record SetOf(List<byte[]> members) implements RdbValue {
    }

    /** A sorted set's (member, score) pairs. */
    record ZSetOf(List<ScoredMember> entries) implements RdbValue {
    }

    /** A hash's (field, value) pairs. */
    record HashOf(List<FieldValue> entries) implements RdbValue {
    }

    record ScoredMember(byte[] member, double score) {
    }

    record FieldValue(byte[] field, byte[] value) {
    }
}
