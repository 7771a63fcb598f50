package io.slotgate.node.store;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ordered half of a sorted set: a skiplist whose links carry spans (how many elements they jump), so ranks
 * and rank ranges cost O(log n) like Redis's zskiplist. Owned by one thread.
 */
final class ZSkipList {

    private static final int MAX_LEVEL = 32;

    static final class Node {
        final ZSetValue.Entry entry;
        final Node[] next;
        final int[] span;
        Node prev;

        Node(ZSetValue.Entry entry, int level) {
            this.entry = entry;
            this.next = new Node[level];
            this.span = new int[level];
        }
    }

    private final Node head = new Node(null, MAX_LEVEL);
    private Node tail;
    private int length;
    private int level = 1;

    int length() {
        return length;
    }

    private static int randomLevel() {
        int l = 1;
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        while (l < MAX_LEVEL && rnd.nextInt(4) == 0) {
            l++;
        }
        return l;
    }

    void insert(ZSetValue.Entry e) {
        Node[] update = new Node[MAX_LEVEL];
        int[] rank = new int[MAX_LEVEL];
        Node x = head;
        for (int i = level - 1; i >= 0; i--) {
            rank[i] = i == level - 1 ? 0 : rank[i + 1];
            while (x.next[i] != null && x.next[i].entry.compareTo(e) < 0) {
                rank[i] += x.span[i];
                x = x.next[i];
            }
            update[i] = x;
        }
        int lvl = randomLevel();
        if (lvl > level) {
            for (int i = level; i < lvl; i++) {
                rank[i] = 0;
                update[i] = head;
                head.span[i] = length;
            }
            level = lvl;
        }
        Node n = new Node(e, lvl);
        for (int i = 0; i < lvl; i++) {
            n.next[i] = update[i].next[i];
            update[i].next[i] = n;
            n.span[i] = update[i].span[i] - (rank[0] - rank[i]);
            update[i].span[i] = rank[0] - rank[i] + 1;
        }
        for (int i = lvl; i < level; i++) {
            update[i].span[i]++;
        }
        n.prev = update[0] == head ? null : update[0];
        if (n.next[0] != null) {
            n.next[0].prev = n;
        } else {
            tail = n;
        }
        length++;
    }

    boolean delete(ZSetValue.Entry e) {
        Node[] update = new Node[MAX_LEVEL];
        Node x = head;
        for (int i = level - 1; i >= 0; i--) {
            while (x.next[i] != null && x.next[i].entry.compareTo(e) < 0) {
                x = x.next[i];
            }
            update[i] = x;
        }
        x = x.next[0];
        if (x == null || x.entry.compareTo(e) != 0) {
            return false;
        }
        for (int i = 0; i < level; i++) {
            if (update[i].next[i] == x) {
                update[i].span[i] += x.span[i] - 1;
                update[i].next[i] = x.next[i];
            } else {
                update[i].span[i]--;
            }
        }
        if (x.next[0] != null) {
            x.next[0].prev = x.prev;
        } else {
            tail = x.prev;
        }
        while (level > 1 && head.next[level - 1] == null) {
            level--;
        }
        length--;
        return true;
    }

    /** 0-based rank of an element known to be present. */
    long rank(ZSetValue.Entry e) {
        long rank = 0;
        Node x = head;
        for (int i = level - 1; i >= 0; i--) {
            while (x.next[i] != null && x.next[i].entry.compareTo(e) <= 0) {
                rank += x.span[i];
                x = x.next[i];
            }
            if (x != head && x.entry.compareTo(e) == 0) {
                return rank - 1;
            }
        }
        return -1;
    }

    /** The node at 0-based {@code rank}, or null. */
    Node byRank(long rank) {
        long target = rank + 1;
        long traversed = 0;
        Node x = head;
        for (int i = level - 1; i >= 0; i--) {
            while (x.next[i] != null && traversed + x.span[i] <= target) {
                traversed += x.span[i];
                x = x.next[i];
            }
            if (traversed == target) {
                return x;
            }
        }
        return null;
    }

    /** First node ordered at or after {@code probe}. */
    Node firstAtOrAfter(ZSetValue.Entry probe) {
        Node x = head;
        for (int i = level - 1; i >= 0; i--) {
            while (x.next[i] != null && x.next[i].entry.compareTo(probe) < 0) {
                x = x.next[i];
            }
        }
        return x.next[0];
    }

    /** Last node ordered at or before {@code probe}. */
    Node lastAtOrBefore(ZSetValue.Entry probe) {
        Node x = head;
        for (int i = level - 1; i >= 0; i--) {
            while (x.next[i] != null && x.next[i].entry.compareTo(probe) <= 0) {
                x = x.next[i];
            }
        }
        return x == head ? null : x;
    }

    Node first() {
        return head.next[0];
    }

    Node last() {
        return tail;
    }

    /** Walks from {@code start} (inclusive) forwards or backwards. */
    static Iterator<ZSetValue.Entry> walk(Node start, boolean reverse) {
        return new Iterator<>() {
            private Node n = start;

            @Override
            public boolean hasNext() {
                return n != null;
            }

            @Override
            public ZSetValue.Entry next() {
                if (n == null) {
                    throw new NoSuchElementException();
                }
                ZSetValue.Entry e = n.entry;
                n = reverse ? n.prev : n.next[0];
                return e;
            }
        };
    }
}
