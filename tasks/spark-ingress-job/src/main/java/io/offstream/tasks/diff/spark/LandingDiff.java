package io.offstream.tasks.diff.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Two landings joined by their key fields (a full outer join, null-safe) and each key classified:
 * {@value #ONLY_A}, {@value #ONLY_B}, {@value #CHANGED} (some compared field differs, {@code <=>}
 * being false) or {@value #IDENTICAL}. Everything is computed by Spark: the counts in one
 * aggregation ({@link DiffCounts}), the sample as the first changed keys in key order (at most
 * {@code n} rows reach the driver).
 *
 * <p>{@link #differing()}, what the job writes to {@code changed/}: one row per key that is not
 * identical, the key columns, {@value #STATUS} ({@value #CHANGED}, {@value #ONLY_A} or
 * {@value #ONLY_B}), {@value #FIELDS} (the names of the compared fields that differ; empty for a key
 * one side lacks), then {@code <field>_a} and {@code <field>_b} for every compared field (null on
 * the side that lacks the key).
 */
final class LandingDiff {

    static final String STATUS = "diff_status";
    static final String FIELDS = "diff_fields";
    static final String IDENTICAL = "identical";
    static final String CHANGED = "changed";
    static final String ONLY_A = "only_a";
    static final String ONLY_B = "only_b";

    static final String IN_A = "__in_a";
    static final String IN_B = "__in_b";
    private static final Map<String, String> JSON_WITH_NULLS = Map.of("ignoreNullFields", "false");

    private final List<String> keys;
    private final ComparedFields fields;
    private final Dataset<Row> classified;

    private LandingDiff(List<String> keys, ComparedFields fields, Dataset<Row> classified) {
        this.keys = keys;
        this.fields = fields;
        this.classified = classified;
    }

    /**
     * The classified join of two landings' rows ({@code dt} already dropped).
     *
     * @throws IllegalArgumentException when a key field is missing on a side, or two output columns would have one name
     */
    static LandingDiff of(Dataset<Row> a, Dataset<Row> b, List<String> keys, List<String> ignored) {
        ComparedFields fields = ComparedFields.of(a.schema(), b.schema(), keys, ignored);
        List<ComparedFields.Field> compared = fields.compared();
        checkOutputNames(keys, compared);
        List<Column> sideA = new ArrayList<>();
        List<Column> sideB = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            sideA.add(column(keys.get(i)));
            sideB.add(column(keys.get(i)).as(keyOfB(i)));
        }
        for (ComparedFields.Field field : compared) {
            sideA.add(column(field.name()).as(valueA(field)));
            sideB.add(column(field.name()).as(valueB(field)));
        }
        sideA.add(lit(true).as(IN_A));
        sideB.add(lit(true).as(IN_B));
        Column on = IntStream.range(0, keys.size()).mapToObj(i -> column(keys.get(i)).eqNullSafe(col(keyOfB(i))))
                .reduce(Column::and).orElseThrow();
        Dataset<Row> joined = a.select(sideA.toArray(Column[]::new)).join(b.select(sideB.toArray(Column[]::new)), on, "full_outer");

        Column both = col(IN_A).isNotNull().and(col(IN_B).isNotNull());
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            out.add(coalesce(column(keys.get(i)), col(keyOfB(i))).as(keys.get(i)));
        }
        List<Column> differs = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) {
            ComparedFields.Field field = compared.get(i);
            Column equal = ComparedFields.comparable(col(valueA(field)), field.typeA())
                    .eqNullSafe(ComparedFields.comparable(col(valueB(field)), field.typeB()));
            differs.add(both.and(not(equal)).as(differs(i)));
        }
        Column anyDiffers = differs.isEmpty() ? lit(false)
                : IntStream.range(0, compared.size()).mapToObj(i -> col(differs(i))).reduce(Column::or).orElseThrow();
        Column[] names = IntStream.range(0, compared.size()).mapToObj(i -> when(col(differs(i)), lit(compared.get(i).name())))
                .toArray(Column[]::new);
        Dataset<Row> flagged = joined.select(concat(out, differs, compared.stream().flatMap(f -> List.of(col(valueA(f)), col(valueB(f)))
                .stream()).toList(), List.of(col(IN_A), col(IN_B))));
        Dataset<Row> classified = flagged
                .withColumn(STATUS, when(col(IN_B).isNull(), lit(ONLY_A)).when(col(IN_A).isNull(), lit(ONLY_B))
                        .when(anyDiffers, lit(CHANGED)).otherwise(lit(IDENTICAL)))
                .withColumn(FIELDS, names.length == 0 ? array().cast("array<string>") : array_compact(array(names)));
        return new LandingDiff(keys, fields, classified);
    }

    ComparedFields fields() {
        return fields;
    }

    /** The classified keys, for the caller to cache while it aggregates, writes and samples. */
    Dataset<Row> classified() {
        return classified;
    }

    /** Every count in one pass over the classified keys. */
    DiffCounts counts() {
        return DiffCounts.of(classified, fields);
    }

    /** What {@code changed/} holds: every key that is not identical (see the class comment). */
    Dataset<Row> differing() {
        List<Column> out = new ArrayList<>();
        keys.forEach(k -> out.add(column(k)));
        out.add(col(STATUS));
        out.add(col(FIELDS));
        fields.compared().forEach(f -> {
            out.add(col(valueA(f)));
            out.add(col(valueB(f)));
        });
        return classified.filter(not(col(STATUS).equalTo(IDENTICAL))).select(out.toArray(Column[]::new));
    }

    /**
     * The first {@code n} changed keys in key order: per row the key as JSON text, then per compared
     * field {@code {"a": ..., "b": ...}} as JSON text where it differs, else null.
     */
    List<Row> sample(int n) {
        if (n == 0) {
            return List.of();
        }
        List<ComparedFields.Field> compared = fields.compared();
        List<Column> out = new ArrayList<>();
        out.add(to_json(struct(keys.stream().map(LandingDiff::column).toArray(Column[]::new))));
        for (int i = 0; i < compared.size(); i++) {
            ComparedFields.Field f = compared.get(i);
            out.add(when(col(differs(i)), to_json(struct(col(valueA(f)).as("a"), col(valueB(f)).as("b")), JSON_WITH_NULLS)));
        }
        return classified.filter(col(STATUS).equalTo(CHANGED)).orderBy(keys.stream().map(LandingDiff::column).toArray(Column[]::new))
                .limit(n).select(out.toArray(Column[]::new)).collectAsList();
    }

    /** Key columns, the status, the differing fields and {@code <field>_a}/{@code <field>_b} must not share a name (Spark ignores case). */
    private static void checkOutputNames(List<String> keys, List<ComparedFields.Field> compared) {
        List<String> names = new ArrayList<>(keys);
        names.addAll(List.of(STATUS, FIELDS));
        compared.forEach(f -> names.addAll(List.of(valueA(f), valueB(f))));
        Set<String> seen = new HashSet<>();
        List<String> clashes = names.stream().filter(name -> !seen.add(name.toLowerCase(Locale.ROOT))).toList();
        if (!clashes.isEmpty()) {
            throw new IllegalArgumentException("the diff's output columns " + clashes + " clash with others of the same name "
                    + "(key columns, " + STATUS + ", " + FIELDS + ", <field>_a, <field>_b)");
        }
    }

    @SafeVarargs
    private static Column[] concat(List<Column>... parts) {
        List<Column> all = new ArrayList<>();
        for (List<Column> part : parts) {
            all.addAll(part);
        }
        return all.toArray(Column[]::new);
    }

    static String valueA(ComparedFields.Field field) {
        return field.name() + "_a";
    }

    static String valueB(ComparedFields.Field field) {
        return field.name() + "_b";
    }

    private static String keyOfB(int i) {
        return "__key_b_" + i;
    }

    static String differs(int i) {
        return "__differs_" + i;
    }

    /** A column by its exact name. */
    private static Column column(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }
}
