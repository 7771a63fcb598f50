package io.slotgate.node.command.hashes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The count rules shared by HRANDFIELD, SRANDMEMBER and ZRANDMEMBER: a positive count picks distinct elements
 * (at most all of them), a negative one picks |count| elements with repetition.
 */
public final class RandomPick {

    private RandomPick() {
    }

    public static <T> List<T> pick(List<T> elements, long count) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        if (count < 0) {
            long n = -count;
            List<T> out = new ArrayList<>((int) Math.min(n, 1 << 20));
            for (long i = 0; i < n; i++) {
                out.add(elements.get(rnd.nextInt(elements.size())));
            }
            return out;
        }
        if (count >= elements.size()) {
            return new ArrayList<>(elements);
        }
        List<T> copy = new ArrayList<>(elements);
        Collections.shuffle(copy, rnd);
        return new ArrayList<>(copy.subList(0, (int) count));
    }
}
