package io.offstream.tasks.validate.sort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Distinct keys in the order of their texts ({@link String#compareTo}), each with how many times it
 * was added; read once, from the first key on.
 */
public interface SortedKeys {

    /** Moves to the next key; false when there is none left. */
    boolean next() throws IOException;

    /** The current key's UTF-8 bytes (not to be changed). */
    byte[] key();

    /** How many times the current key was added. */
    long count();

    /** The current key's text. */
    default String text() {
        return new String(key(), StandardCharsets.UTF_8);
    }

    /** The order of keys' UTF-8 bytes that matches the order of their texts. */
    static int compare(byte[] a, byte[] b) {
        return KeyOrder.compare(a, b);
    }
}
