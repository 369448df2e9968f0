package io.offstream.tasks.validate.sort;

import java.io.IOException;
import java.util.Arrays;

/**
 * Keys held in memory until they are sorted and spilled: their UTF-8 bytes end to end in one array
 * and where each ends in another, so a key costs its bytes and 12 more (its end, and its slot while
 * sorting), not the ~50 bytes of overhead of a {@code String} object.
 *
 * <p>Sorted without comparing whole keys: each key's next 4 bytes are packed, with its index, into
 * a {@code long} (9 bits a byte: 0 past the key's end, else {@link KeyOrder#rank} + 1; then 26 bits
 * of index), the longs are sorted as primitives, and only keys still tied on those bytes are sorted
 * again by their next 4. Ties list keys by index, so each pass reads the bytes in ascending order.
 */
final class SortBuffer {

    /** Bytes each key costs beyond its own: its end offset (int) and its slot while sorting (long). */
    static final int KEY_OVERHEAD = 12;

    private static final int INDEX_BITS = 26;

    static final int MAX_KEYS = (1 << INDEX_BITS) - 1;

    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private static final int BYTES_PER_PASS = 4;

    private static final int SYMBOL_BITS = 9;

    private static final long SYMBOL_MASK = (1L << SYMBOL_BITS) - 1;

    private static final int INITIAL_KEYS = 1024;

    private final long capacity;

    private byte[] bytes = new byte[0];

    private int[] ends = new int[0];

    private long[] order = new long[0];

    private int size;

    private int used;

    /** @param capacity bytes the keys and their {@link #KEY_OVERHEAD} may take */
    SortBuffer(long capacity) {
        if (capacity < 1024) {
            throw new IllegalArgumentException("A sort buffer needs at least 1 KiB, was " + capacity + " bytes");
        }
        this.capacity = capacity;
    }

    /**
     * Adds a key unless the buffer is full. An empty buffer takes any key, even one larger than
     * its capacity, so every key fits somewhere.
     */
    boolean add(byte[] key) {
        long needed = used + key.length + (long) KEY_OVERHEAD * (size + 1);
        if (size > 0 && (needed > capacity || size == MAX_KEYS)) {
            return false;
        }
        if (used + key.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, grown(bytes.length, used + key.length, capacity));
        }
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, grown(ends.length, size + 1, capacity / KEY_OVERHEAD));
        }
        System.arraycopy(key, 0, bytes, used, key.length);
        used += key.length;
        ends[size++] = used;
        return true;
    }

    int size() {
        return size;
    }

    /** Writes the keys in order, each distinct key once with how many times it was added; then empties the buffer. */
    void spillTo(SpillWriter out) throws IOException {
        sort();
        int i = 0;
        while (i < size) {
            int key = (int) (order[i] & INDEX_MASK);
            int start = start(key);
            int end = ends[key];
            int same = i + 1;
            while (same < size && equal(key, (int) (order[same] & INDEX_MASK))) {
                same++;
            }
            out.write(bytes, start, end - start, same - i);
            i = same;
        }
        size = 0;
        used = 0;
    }

    /** Gives the memory back; the buffer can still be used, starting small again. */
    void release() {
        bytes = new byte[0];
        ends = new int[0];
        order = new long[0];
        size = 0;
        used = 0;
    }

    private void sort() {
        if (order.length < size) {
            order = new long[size];
        }
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        // Tied ranges still to sort by their next bytes: from, to, pass (an explicit stack, as a key may be long)
        int[] pending = new int[48];
        int top = 0;
        pending[top++] = 0;
        pending[top++] = size;
        pending[top++] = 0;
        while (top > 0) {
            int pass = pending[--top];
            int to = pending[--top];
            int from = pending[--top];
            int offset = pass * BYTES_PER_PASS;
            for (int i = from; i < to; i++) {
                int key = (int) (order[i] & INDEX_MASK);
                order[i] = packed(key, offset) << INDEX_BITS | key;
            }
            Arrays.sort(order, from, to);
            int i = from;
            while (i < to) {
                long bytesHere = order[i] >>> INDEX_BITS;
                int j = i + 1;
                while (j < to && order[j] >>> INDEX_BITS == bytesHere) {
                    j++;
                }
                // Tied keys that ended within these bytes are equal: nothing more to sort.
                if (j - i > 1 && (bytesHere & SYMBOL_MASK) != 0) {
                    if (top + 3 > pending.length) {
                        pending = Arrays.copyOf(pending, pending.length * 2);
                    }
                    pending[top++] = i;
                    pending[top++] = j;
                    pending[top++] = pass + 1;
                }
                i = j;
            }
        }
    }

    /** The key's bytes from {@code offset} on, {@link #BYTES_PER_PASS} of them, as 9-bit symbols. */
    private long packed(int key, int offset) {
        int from = start(key) + offset;
        int end = ends[key];
        long packed = 0;
        for (int at = from; at < from + BYTES_PER_PASS; at++) {
            packed = packed << SYMBOL_BITS | (at < end ? KeyOrder.rank(bytes[at]) + 1 : 0);
        }
        return packed;
    }

    private boolean equal(int a, int b) {
        return Arrays.equals(bytes, start(a), ends[a], bytes, start(b), ends[b]);
    }

    private int start(int key) {
        return key == 0 ? 0 : ends[key - 1];
    }

    /** Twice {@code current}, at least {@code needed}, not more than {@code cap} unless needed. */
    private static int grown(int current, int needed, long cap) {
        long doubled = Math.max((long) current * 2, INITIAL_KEYS);
        long size = Math.max(needed, Math.min(doubled, cap));
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("A sort buffer cannot hold more than 2 GiB");
        }
        return (int) size;
    }
}
