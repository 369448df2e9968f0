package io.offstream.tasks.validate.sort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class KeyOrderTests {

    /** Characters from every range whose UTF-8 and UTF-16 orders could disagree. */
    private static final int[] CODE_POINTS = {0, 'a', 'b', '|', 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xE001, 0xFFFD, 0xFFFF,
        0x10000, 0x1F600, 0x10FFFF};

    @Test
    void utf8BytesCompareAsJavaComparesTheirTexts() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            String a = text(random);
            String b = random.nextInt(4) == 0 ? a + text(random) : text(random);

            assertThat(Integer.signum(KeyOrder.compare(utf8(a), utf8(b)))).as("%s vs %s", a, b)
                    .isEqualTo(Integer.signum(a.compareTo(b)));
        }
    }

    @Test
    void aCharacterAboveU_E000SortsAfterAnEmoji() {
        assertThat("\uE000".compareTo("\uD83D\uDE00")).isPositive();
        assertThat(KeyOrder.compare(utf8("\uE000"), utf8("\uD83D\uDE00"))).isPositive();
    }

    @Test
    void aPrefixSortsFirst() {
        assertThat(KeyOrder.compare(utf8("T-1"), utf8("T-10"))).isNegative();
        assertThat(KeyOrder.compare(utf8(""), utf8("\0"))).isNegative();
        assertThat(KeyOrder.compare(utf8("T-10"), utf8("T-10"))).isZero();
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
        }
        return text.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
