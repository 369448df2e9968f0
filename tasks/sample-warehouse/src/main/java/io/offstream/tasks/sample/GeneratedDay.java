package io.offstream.tasks.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.avro.generic.GenericRecord;

/** One day of a sample dataset as the writer needs it: the rows, and what ingress should make of them. */
public interface GeneratedDay {

    LocalDate date();

    /** The rows in file order, of the dataset's warehouse schema. */
    List<GenericRecord> rows();

    /** The bad kind of each row, null for a good row. */
    List<? extends Enum<?>> kinds();

    /** A row's record key as the run contract writes it. */
    String recordKey(GenericRecord row);

    /** Bad rows per kind name, in the kinds' order; kinds without a row are left out. */
    default Map<String, Integer> badCountsByKind() {
        Map<Enum<?>, Integer> counts = new TreeMap<>(Comparator.comparingInt(Enum::ordinal));
        kinds().forEach(kind -> {
            if (kind != null) {
                counts.merge(kind, 1, Integer::sum);
            }
        });
        Map<String, Integer> byName = new LinkedHashMap<>();
        counts.forEach((kind, count) -> byName.put(kind.name(), count));
        return byName;
    }

    /** The record keys ingress should accept: the good rows'. */
    default List<String> acceptedKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < rows().size(); i++) {
            if (kinds().get(i) == null) {
                keys.add(recordKey(rows().get(i)));
            }
        }
        return keys;
    }
}
