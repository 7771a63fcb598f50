package io.slotgate.routing.command;

import java.util.Arrays;

/** A growable list of argument indexes, used while one key extraction runs. */
final class KeyIndexBuffer {

    static final int[] EMPTY = new int[0];

    private int[] items = new int[8];
    private int size;

    void add(int index) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = index;
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return size == 0 ? EMPTY : Arrays.copyOf(items, size);
    }
}
