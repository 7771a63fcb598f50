package io.slotgate.node.store;

import java.util.Arrays;

/** A Redis list: a circular array of elements with O(1) push/pop at both ends and indexed access. */
public final class ListValue {

    private byte[][] items = new byte[8][];
    private int head;
    private int size;

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    private int physical(int index) {
        return (head + index) & (items.length - 1);
    }

    private void ensureRoom() {
        if (size == items.length) {
            byte[][] bigger = new byte[items.length * 2][];
            for (int i = 0; i < size; i++) {
                bigger[i] = items[physical(i)];
            }
            items = bigger;
            head = 0;
        }
    }

    public void addFirst(byte[] v) {
        ensureRoom();
        head = (head - 1) & (items.length - 1);
        items[head] = v;
        size++;
    }

    public void addLast(byte[] v) {
        ensureRoom();
        items[physical(size)] = v;
        size++;
    }

    public byte[] pollFirst() {
        if (size == 0) {
            return null;
        }
        byte[] v = items[head];
        items[head] = null;
        head = (head + 1) & (items.length - 1);
        size--;
        return v;
    }

    public byte[] pollLast() {
        if (size == 0) {
            return null;
        }
        int i = physical(size - 1);
        byte[] v = items[i];
        items[i] = null;
        size--;
        return v;
    }

    public byte[] get(int index) {
        return items[physical(index)];
    }

    public void set(int index, byte[] v) {
        items[physical(index)] = v;
    }

    /** Inserts so the new element ends up at {@code index} (0..size). */
    public void insert(int index, byte[] v) {
        ensureRoom();
        size++;
        for (int i = size - 1; i > index; i--) {
            items[physical(i)] = items[physical(i - 1)];
        }
        items[physical(index)] = v;
    }

    public void removeAt(int index) {
        for (int i = index; i < size - 1; i++) {
            items[physical(i)] = items[physical(i + 1)];
        }
        items[physical(size - 1)] = null;
        size--;
    }

    /** Keeps only elements [start, end] (inclusive, already clamped and valid). */
    public void trim(int start, int end) {
        byte[][] kept = new byte[Math.max(8, Integer.highestOneBit(Math.max(1, end - start + 1)) * 2)][];
        int n = 0;
        for (int i = start; i <= end; i++) {
            kept[n++] = get(i);
        }
        items = kept;
        head = 0;
        size = n;
    }

    public void clear() {
        Arrays.fill(items, null);
        head = 0;
        size = 0;
    }

    public ListValue copy() {
        ListValue c = new ListValue();
        for (int i = 0; i < size; i++) {
            c.addLast(get(i));
        }
        return c;
    }
}
