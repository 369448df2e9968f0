package io.offstream.tasks.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which rows of a day are bad, and of which kind: {@code round(rows × fraction)} rows at shuffled
 * positions (never the first row, so a duplicate always has an earlier good row to repeat), the
 * kinds taken in turn along the day so every kind is spread evenly over it.
 */
final class BadRowSpread {

    private BadRowSpread() {
    }

    /** The kind of each row, null for a good row. Draws from {@code random} exactly as the datasets always have. */
    static <K> List<K> assign(Random random, int rowCount, double badFraction, K[] kinds) {
        int bad = rowCount <= 1 ? 0 : (int) Math.min(rowCount - 1, Math.round(rowCount * badFraction));
        List<Integer> positions = new ArrayList<>();
        for (int i = 1; i < rowCount; i++) {
            positions.add(i);
        }
        Collections.shuffle(positions, random);
        List<Integer> badPositions = new ArrayList<>(positions.subList(0, bad));
        Collections.sort(badPositions);
        Object[] kindOf = new Object[rowCount];
        for (int i = 0; i < badPositions.size(); i++) {
            kindOf[badPositions.get(i)] = kinds[i % kinds.length];
        }
        @SuppressWarnings("unchecked")
        List<K> assigned = (List<K>) Arrays.asList(kindOf);
        return assigned;
    }
}
