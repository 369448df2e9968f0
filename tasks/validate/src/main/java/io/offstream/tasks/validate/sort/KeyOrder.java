package io.offstream.tasks.validate.sort;

import java.util.Arrays;

/**
 * The order of keys as Java orders their texts ({@link String#compareTo}, by UTF-16 code units),
 * decided on their UTF-8 bytes, so keys are sorted and merged without being decoded.
 *
 * <p>UTF-8 bytes compare in code point order, which is UTF-16's order except that UTF-16 puts
 * U+E000..U+FFFF after every supplementary character (whose surrogates are U+D800..U+DFFF). Those
 * characters are the only ones whose UTF-8 starts with 0xEE or 0xEF; {@link #rank} moves these two
 * bytes above the supplementary lead bytes 0xF0..0xF4, to 0xFE and 0xFF, which UTF-8 never uses.
 * A first differing byte is either such a lead byte or a continuation byte of two characters of the
 * same length and range, where code point order is UTF-16's.
 */
final class KeyOrder {

    private KeyOrder() {
    }

    /** The byte's place in the order; 0..255. */
    static int rank(byte b) {
        int unsigned = b & 0xFF;
        return unsigned == 0xEE || unsigned == 0xEF ? unsigned + 0x10 : unsigned;
    }

    static int compare(byte[] a, byte[] b) {
        return compare(a, 0, a.length, b, 0, b.length);
    }

    static int compare(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
        int at = Arrays.mismatch(a, aFrom, aTo, b, bFrom, bTo);
        if (at < 0) {
            return 0;
        }
        if (at == aTo - aFrom || at == bTo - bFrom) {
            return Integer.compare(aTo - aFrom, bTo - bFrom);
        }
        return rank(a[aFrom + at]) - rank(b[bFrom + at]);
    }
}
