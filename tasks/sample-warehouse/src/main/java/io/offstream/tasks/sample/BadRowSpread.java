package io.offstream.tasks.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The row a duplicate at {@code index} repeats: a good row among the 50 before it (row 0 is
     * always good). Draws from {@code random} exactly as the datasets always have.
     */
    static int earlierGoodRow(Random random, int index, List<?> kindOf) {
        int target = index - 1 - random.nextInt(Math.min(index, 50));
        while (target > 0 && kindOf.get(target) != null) {
            target--;
        }
        return target;
    }

    /** Bad rows per kind; kinds without a row are left out. */
    static <K extends Enum<K>> Map<K, Integer> counts(Class<K> type, List<K> kindOf) {
        Map<K, Integer> counts = new EnumMap<>(type);
        kindOf.forEach(k -> {
            if (k != null) {
                counts.merge(k, 1, Integer::sum);
            }
        });
        return counts;
    }
}
