package io.slotgate.routing.slot;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SlotHashUnitTests {

    @Test
    void shouldComputeTheXmodemCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);

        assertThat(SlotHash.crc16(check, 0, check.length)).isEqualTo(0x31C3);
    }

    /** Vectors of cluster-protocol.md §1.2. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "123456789|12739",
            "foo|12182",
            "bar|5061",
            "hello|866",
            "\"\"|0",
            "user1000|3443",
            "{user1000}.following|3443",
            "{user1000}.followers|3443",
            "{}|15257",
            "{}bar|6479",
            "foo{}{bar}|8363",
            "foo{{bar}}zap|4015",
            "{{bar}}|4015",
            "{bar|4015",
            "foo{bar}{zap}|5061",
            "}{bar}|5061",
            "{|4092",
    })
    void shouldMatchTheReferenceVectors(String key, int slot) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);

        assertThat(SlotHash.slot(bytes)).isEqualTo(slot);
        assertThat(slotOfByteBuf(bytes)).isEqualTo(slot);
    }

    @Test
    void shouldHashTheWholeKeyWhenTheFirstTagIsEmpty() {
        int wholeKey = SlotHash.crc16(bytes("a{}{b}"), 0, 6) & 0x3FFF;

        assertThat(slot("a{}{b}")).isEqualTo(wholeKey).isNotEqualTo(slot("b"));
        assertThat(slot("{}")).isEqualTo(SlotHash.crc16(bytes("{}"), 0, 2) & 0x3FFF);
    }

    @Test
    void shouldTakeTheTagFromTheFirstOpeningToTheFirstClosingBrace() {
        assertThat(slot("{{a}}")).isEqualTo(slot("{a"));
        assertThat(slot("{a")).isEqualTo(SlotHash.crc16(bytes("{a"), 0, 2) & 0x3FFF);
        assertThat(slot("}{a}")).isEqualTo(slot("a"));
        assertThat(slot("x{a}y")).isEqualTo(slot("a"));
    }

    @Test
    void shouldHonourOffsetsInBothForms() {
        byte[] padded = bytes("xx{user1000}.followingyy");
        ByteBuf buf = Unpooled.buffer().writeBytes(bytes("zzzz")).writeBytes(padded);
        try {
            buf.readerIndex(4);

            assertThat(SlotHash.slot(padded, 2, padded.length - 4)).isEqualTo(3443);
            assertThat(SlotHash.slot(buf, 6, padded.length - 4)).isEqualTo(3443);
            // A brace outside the window must not count.
            assertThat(SlotHash.slot(bytes("{ab}c"), 1, 4)).isEqualTo(slot("ab}c"));
            assertThat(SlotHash.slot(buf, 4, 3)).isEqualTo(slot("xx{"));
        } finally {
            buf.release();
        }
    }

    @Test
    void shouldAgreeBetweenByteArrayAndByteBufForRandomBinaryKeys() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] key = randomKey(random);

            assertThat(slotOfByteBuf(key)).as("key #%d", i).isEqualTo(SlotHash.slot(key));
            assertThat(SlotHash.slot(key)).isBetween(0, SlotHash.SLOT_COUNT - 1);
        }
    }

    /** Random binary key, 0..40 bytes, with '{' and '}' frequent so every tag rule is exercised. */
    static byte[] randomKey(Random random) {
        byte[] key = new byte[random.nextInt(41)];
        for (int j = 0; j < key.length; j++) {
            int pick = random.nextInt(8);
            key[j] = pick == 0 ? (byte) '{' : pick == 1 ? (byte) '}' : (byte) random.nextInt(256);
        }
        return key;
    }

    private static int slotOfByteBuf(byte[] key) {
        ByteBuf buf = Unpooled.buffer(key.length + 3);
        try {
            buf.writeBytes(new byte[] {'{', 'x', '}'}).writeBytes(key);
            return SlotHash.slot(buf, 3, key.length);
        } finally {
            buf.release();
        }
    }

    private static int slot(String key) {
        return SlotHash.slot(bytes(key));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
