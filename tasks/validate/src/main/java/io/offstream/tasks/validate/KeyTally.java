package io.offstream.tasks.validate;

import java.util.ArrayList;
import java.util.List;

import io.offstream.tasks.validate.sort.SortedKeys;

/** How many keys are of one kind (missing, duplicated, unexpected), and the first few of them by text. */
final class KeyTally {

    private final int toName;

    private final List<String> first = new ArrayList<>();

    private long count;

    KeyTally(int toName) {
        this.toName = toName;
    }

    /** Counts the current key of {@code keys}; names it while fewer than {@code toName} are named. */
    void add(SortedKeys keys) {
        count++;
        if (first.size() < toName) {
            first.add(keys.text());
        }
    }

    long count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The first keys counted, in the order they came (sorted, when they came from sorted streams). */
    List<String> first() {
        return List.copyOf(first);
    }
}
