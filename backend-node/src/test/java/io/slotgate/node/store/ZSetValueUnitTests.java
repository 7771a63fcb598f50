package io.slotgate.node.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class ZSetValueUnitTests {

    @Test
    void shouldAgreeWithASortedModelUnderRandomUpdates() {
        ZSetValue z = new ZSetValue();
        TreeSet<ZSetValue.Entry> model = new TreeSet<>();
        java.util.Map<Bytes, Double> scores = new java.util.HashMap<>();
        Random rnd = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Bytes m = Bytes.of("m" + rnd.nextInt(500));
            if (rnd.nextInt(4) == 0) {
                Double old = scores.remove(m);
                if (old != null) {
                    model.remove(new ZSetValue.Entry(old, m));
                }
                assertThat(z.remove(m)).isEqualTo(old != null);
            } else {
                double s = rnd.nextInt(50) / 2.0;
                Double old = scores.put(m, s);
                if (old != null) {
                    model.remove(new ZSetValue.Entry(old, m));
                }
                model.add(new ZSetValue.Entry(s, m));
                assertThat(z.put(m, s)).isEqualTo(old == null);
            }
        }
        List<ZSetValue.Entry> expected = new ArrayList<>(model);
        assertThat(z.toList()).isEqualTo(expected);
        for (int r = 0; r < expected.size(); r++) {
            assertThat(z.rank(expected.get(r).member())).isEqualTo(r);
        }
        int n = expected.size();
        assertThat(z.byRank(3, 10, false)).isEqualTo(expected.subList(3, 11));
        assertThat(z.byRank(0, 2, true)).containsExactly(expected.get(n - 1), expected.get(n - 2), expected.get(n - 3));
        Iterator<ZSetValue.Entry> it = z.from(new ZSetValue.Entry(10, ZSetValue.MIN_MEMBER), false);
        assertThat(it.next()).isEqualTo(model.ceiling(new ZSetValue.Entry(10, ZSetValue.MIN_MEMBER)));
        Iterator<ZSetValue.Entry> back = z.from(new ZSetValue.Entry(10, ZSetValue.MAX_MEMBER), true);
        assertThat(back.next()).isEqualTo(model.floor(new ZSetValue.Entry(10, ZSetValue.MAX_MEMBER)));
        assertThat(z.first()).isEqualTo(model.first());
        assertThat(z.last()).isEqualTo(model.last());
    }
}
