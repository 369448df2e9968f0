package io.offstream.tasks.diff.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.try_subtract;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.ShortType;

/**
 * The counts of a diff, from one Spark aggregation over the classified keys ({@link LandingDiff}):
 * keys per status, per compared field the keys that differ in it, and per numeric field B − A over
 * the keys both sides have with a value.
 *
 * @param byField per compared field, in the landing's column order
 * @param numeric per numeric compared field
 */
record DiffCounts(long identical, long changed, long onlyA, long onlyB, Map<String, Long> byField, Map<String, NumericDelta> numeric) {

    /** B − A of a numeric field over the keys both sides have with a value: how many, min, avg, max (Spark's types). */
    record NumericDelta(long keys, Object min, Object avg, Object max) {
    }

    static DiffCounts of(Dataset<Row> classified, ComparedFields fields) {
        List<ComparedFields.Field> compared = fields.compared();
        List<Column> aggregates = new ArrayList<>();
        for (String status : List.of(LandingDiff.IDENTICAL, LandingDiff.CHANGED, LandingDiff.ONLY_A, LandingDiff.ONLY_B)) {
            aggregates.add(count_if(col(LandingDiff.STATUS).equalTo(status)));
        }
        for (int i = 0; i < compared.size(); i++) {
            aggregates.add(count_if(col(LandingDiff.differs(i))));
        }
        List<ComparedFields.Field> numeric = compared.stream().filter(ComparedFields.Field::numeric).toList();
        Column both = col(LandingDiff.IN_A).isNotNull().and(col(LandingDiff.IN_B).isNotNull());
        for (ComparedFields.Field field : numeric) {
            Column delta = when(both, try_subtract(widened(col(LandingDiff.valueB(field)), field.typeB()),
                    widened(col(LandingDiff.valueA(field)), field.typeA())));
            aggregates.addAll(List.of(count(delta), min(delta), avg(delta), max(delta)));
        }
        Row row = classified.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
        Map<String, Long> byField = new LinkedHashMap<>();
        int at = 4;
        for (ComparedFields.Field field : compared) {
            byField.put(field.name(), row.getLong(at++));
        }
        Map<String, NumericDelta> deltas = new LinkedHashMap<>();
        for (ComparedFields.Field field : numeric) {
            deltas.put(field.name(), new NumericDelta(row.getLong(at), row.get(at + 1), row.get(at + 2), row.get(at + 3)));
            at += 4;
        }
        return new DiffCounts(row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3), byField, deltas);
    }

    /** Whole numbers as long, so B − A of two ints cannot overflow (try_subtract gives null where a long would). */
    private static Column widened(Column value, DataType type) {
        return type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType ? value.cast("long") : value;
    }
}
