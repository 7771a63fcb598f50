package io.slotgate.node.store;

import io.slotgate.routing.slot.SlotHash;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SlotKeyIndexUnitTests {

    private static byte[] key(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Set<String> names(List<byte[]> keys) {
        Set<String> out = new HashSet<>();
        keys.forEach(k -> out.add(new String(k, StandardCharsets.UTF_8)));
        return out;
    }

    private static Partition withKeys(String tag, int n) {
        Partition p = new Partition(0, System::currentTimeMillis);
        for (int i = 0; i < n; i++) {
            p.set(key("{" + tag + "}" + i), key("v"));
            p.set(key("other" + i), key("v"));
        }
        return p;
    }

    @Test
    void shouldListEveryKeyOfASlotOnRepeatedQuietRequestsWhileKeysAreMigratedAway() {
        Partition p = withKeys("a", 250);
        int slot = SlotHash.slot(key("{a}"));
        Set<String> seen = new HashSet<>();
        List<byte[]> batch;
        while (!(batch = p.keysInSlot(slot, 40)).isEmpty()) {
            assertThat(batch).hasSizeLessThanOrEqualTo(40);
            for (byte[] k : batch) {
                assertThat(seen.add(new String(k, StandardCharsets.UTF_8))).isTrue();
                p.delete(k); // what MIGRATE does on the source
            }
        }
        assertThat(seen).hasSize(250);
        assertThat(p.countKeysInSlot(slot)).isZero();
    }

    @Test
    void shouldIncludeAKeyInsertedBetweenTwoRequests() {
        Partition p = withKeys("b", 10);
        int slot = SlotHash.slot(key("{b}"));
        assertThat(p.keysInSlot(slot, 100)).hasSize(10);
        assertThat(p.keysInSlot(slot, 100)).hasSize(10); // second quiet request: served from the buckets
        p.set(key("{b}new"), key("v"));
        assertThat(names(p.keysInSlot(slot, 100))).hasSize(11).contains("{b}new");
        p.delete(key("{b}3"));
        assertThat(names(p.keysInSlot(slot, 100))).hasSize(10).doesNotContain("{b}3");
    }

    @Test
    void shouldForgetEverythingOnFlush() {
        Partition p = withKeys("c", 5);
        int slot = SlotHash.slot(key("{c}"));
        p.keysInSlot(slot, 10);
        p.keysInSlot(slot, 10);
        p.flush();
        assertThat(p.keysInSlot(slot, 10)).isEmpty();
        p.set(key("{c}again"), key("v"));
        assertThat(names(p.keysInSlot(slot, 10))).containsExactly("{c}again");
    }
}
