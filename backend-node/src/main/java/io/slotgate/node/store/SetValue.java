package io.slotgate.node.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Redis set: members in an array plus an index, so SPOP/SRANDMEMBER pick a random member in O(1)
 * (a plain HashSet would need a linear walk).
 */
public final class SetValue {

    private final ArrayList<Bytes> members = new ArrayList<>();
    private final HashMap<Bytes, Integer> index = new HashMap<>();

    public int size() {
        return members.size();
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    public boolean contains(Bytes m) {
        return index.containsKey(m);
    }

    public boolean add(Bytes m) {
        if (index.containsKey(m)) {
            return false;
        }
        index.put(m, members.size());
        members.add(m);
        return true;
    }

    public boolean remove(Bytes m) {
        Integer i = index.remove(m);
        if (i == null) {
            return false;
        }
        Bytes last = members.remove(members.size() - 1);
        if (i < members.size()) {
            members.set(i, last);
            index.put(last, i);
        }
        return true;
    }

    public Bytes random() {
        return members.get(ThreadLocalRandom.current().nextInt(members.size()));
    }

    /** Members in storage order (callers must not modify the set while iterating). */
    public List<Bytes> members() {
        return members;
    }

    public Map<Bytes, Integer> indexView() {
        return index;
    }

    public SetValue copy() {
        SetValue c = new SetValue();
        for (Bytes m : members) {
            c.add(m);
        }
        return c;
    }

    /** Whether every member is a decimal integer (Redis then reports the "intset" encoding). */
    public boolean allIntegers() {
        for (Bytes m : members) {
            if (Numbers.parseLong(m.bytes()) == null) {
                return false;
            }
        }
        return true;
    }
}
