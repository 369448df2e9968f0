package io.offstream.tasks.validate.sort;

import java.io.IOException;
import java.util.List;
import java.util.PriorityQueue;

/** Spill files merged into one sorted stream: a key in several files comes out once, its counts added. */
final class MergedSpills implements SortedKeys {

    private final PriorityQueue<SpillReader> heads;

    private byte[] key;

    private long count;

    /** @param readers readers at their start; they stay open (their owner closes them) */
    MergedSpills(List<SpillReader> readers) throws IOException {
        heads = new PriorityQueue<>(Math.max(1, readers.size()), (a, b) -> KeyOrder.compare(a.key(), b.key()));
        for (SpillReader reader : readers) {
            advance(reader);
        }
    }

    @Override
    public boolean next() throws IOException {
        SpillReader first = heads.poll();
        if (first == null) {
            key = null;
            return false;
        }
        key = first.key();
        count = first.count();
        advance(first);
        while (!heads.isEmpty() && KeyOrder.compare(heads.peek().key(), key) == 0) {
            SpillReader same = heads.poll();
            count += same.count();
            advance(same);
        }
        return true;
    }

    @Override
    public byte[] key() {
        if (key == null) {
            throw new IllegalStateException("No current key: call next() first, and only while it returns true");
        }
        return key;
    }

    @Override
    public long count() {
        return count;
    }

    private void advance(SpillReader reader) throws IOException {
        if (reader.next()) {
            heads.add(reader);
        }
    }
}
