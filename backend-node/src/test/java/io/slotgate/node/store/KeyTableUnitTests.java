package io.slotgate.node.store;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeyTableUnitTests {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldBehaveLikeAMapUnderRandomPutsAndRemoves() {
        KeyTable table = new KeyTable();
        Map<String, Object> model = new HashMap<>();
        Random rnd = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            String k = "k" + rnd.nextInt(5000);
            if (rnd.nextInt(3) == 0) {
                assertThat(table.remove(b(k))).isEqualTo(model.remove(k));
            } else {
                Object v = "v" + i;
                assertThat(table.put(b(k), v)).isEqualTo(model.put(k, v));
            }
        }
        assertThat(table.size()).isEqualTo(model.size());
        model.forEach((k, v) -> assertThat(table.get(b(k))).isEqualTo(v));
    }

    @Test
    void shouldVisitEveryKeyOnceWhenScanningWithoutResizes() {
        KeyTable table = new KeyTable();
        for (int i = 0; i < 1000; i++) {
            table.put(b("key" + i), i);
        }
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        do {
            cursor = table.scan(cursor, 7, (k, v) -> assertThat(seen.add(new String(k, StandardCharsets.UTF_8))).isTrue());
        } while (cursor != 0);
        assertThat(seen).hasSize(1000);
    }

    @Test
    void shouldReturnEveryLongLivedKeyWhileTheTableGrowsAndShrinksDuringAScan() {
        KeyTable table = new KeyTable();
        for (int i = 0; i < 500; i++) {
            table.put(b("stable" + i), i);
        }
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int round = 0;
        do {
            cursor = table.scan(cursor, 5, (k, v) -> seen.add(new String(k, StandardCharsets.UTF_8)));
            round++;
            if (round < 40) {
                for (int j = 0; j < 200; j++) {
                    table.put(b("grow" + round + "-" + j), j); // forces several doublings
                }
            } else if (round == 40) {
                for (int r = 1; r < 40; r++) {
                    for (int j = 0; j < 200; j++) {
                        table.remove(b("grow" + r + "-" + j)); // and shrinks
                    }
                }
            }
        } while (cursor != 0);
        for (int i = 0; i < 500; i++) {
            assertThat(seen).contains("stable" + i);
        }
    }

    @Test
    void shouldTreatTheEmptyKeyAsAnOrdinaryKey() {
        KeyTable table = new KeyTable();
        table.put(new byte[0], "empty");
        assertThat(table.get(new byte[0])).isEqualTo("empty");
        assertThat(table.remove(new byte[0])).isEqualTo("empty");
        assertThat(table.size()).isZero();
    }
}
