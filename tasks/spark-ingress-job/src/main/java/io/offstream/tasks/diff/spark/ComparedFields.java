package io.offstream.tasks.diff.spark;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import io.offstream.contract.jobs.DiffJobOptions;

/**
 * Which columns of two landings a diff compares: every column but the key fields, the {@code dt}
 * partition column and the ignored fields, when both landings have it with the same type (or both a
 * numeric one). A column only one landing has, or with another type in the other, is not compared;
 * it is named in {@link #notCompared()} with the reason.
 */
final class ComparedFields {

    /** A compared column: its types on each side; numeric when both are (its B − A is summarised). */
    record Field(String name, DataType typeA, DataType typeB) {

        boolean numeric() {
            return typeA instanceof NumericType && typeB instanceof NumericType;
        }
    }

    private final List<Field> compared;
    private final Map<String, String> notCompared;

    private ComparedFields(List<Field> compared, Map<String, String> notCompared) {
        this.compared = List.copyOf(compared);
        this.notCompared = notCompared;
    }

    /**
     * The comparison of landings with these schemas.
     *
     * @throws IllegalArgumentException when a key field is not a column of both landings
     */
    static ComparedFields of(StructType a, StructType b, List<String> keys, List<String> ignored) {
        List<String> problems = new ArrayList<>();
        for (String key : keys) {
            if (!has(a, key) || !has(b, key)) {
                problems.add("key field '" + key + "' is not a column of landing " + (has(a, key) ? "B" : "A") + " "
                        + Arrays.toString((has(a, key) ? b : a).fieldNames()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        List<Field> compared = new ArrayList<>();
        Map<String, String> notCompared = new LinkedHashMap<>();
        for (StructField field : a.fields()) {
            String name = field.name();
            if (skipped(name, keys, ignored)) {
                continue;
            }
            if (!has(b, name)) {
                notCompared.put(name, "only in A");
                continue;
            }
            Field pair = new Field(name, field.dataType(), b.apply(name).dataType());
            if (pair.numeric() || sameType(pair.typeA(), pair.typeB())) {
                compared.add(pair);
            } else {
                notCompared.put(name, pair.typeA().catalogString() + " in A, " + pair.typeB().catalogString() + " in B");
            }
        }
        for (StructField field : b.fields()) {
            if (!skipped(field.name(), keys, ignored) && !has(a, field.name())) {
                notCompared.put(field.name(), "only in B");
            }
        }
        return new ComparedFields(compared, notCompared);
    }

    List<Field> compared() {
        return compared;
    }

    /** Columns outside the comparison that are neither keys, {@code dt} nor ignored, with the reason. */
    Map<String, String> notCompared() {
        return notCompared;
    }

    /**
     * The column as a value Spark can compare with {@code <=>}: maps (at any depth) become their
     * entries sorted by key, so two maps with the same entries are equal whatever their order;
     * arrays keep their order, structs compare field by field.
     */
    static Column comparable(Column column, DataType type) {
        if (!hasMap(type)) {
            return column;
        }
        if (type instanceof MapType map) {
            return array_sort(transform(map_entries(column), entry -> struct(
                    comparable(entry.getField("key"), map.keyType()).as("key"),
                    comparable(entry.getField("value"), map.valueType()).as("value"))));
        }
        if (type instanceof ArrayType array) {
            return transform(column, element -> comparable(element, array.elementType()));
        }
        StructType struct = (StructType) type;
        Column[] fields = Arrays.stream(struct.fields()).map(f -> comparable(column.getField(f.name()), f.dataType()).as(f.name()))
                .toArray(Column[]::new);
        return when(column.isNotNull(), struct(fields));
    }

    private static boolean hasMap(DataType type) {
        if (type instanceof MapType) {
            return true;
        }
        if (type instanceof ArrayType array) {
            return hasMap(array.elementType());
        }
        return type instanceof StructType struct && Arrays.stream(struct.fields()).anyMatch(f -> hasMap(f.dataType()));
    }

    /** The same type, nullability aside (names and order of struct fields included). */
    private static boolean sameType(DataType a, DataType b) {
        return a.catalogString().equals(b.catalogString());
    }

    private static boolean skipped(String name, List<String> keys, List<String> ignored) {
        return keys.contains(name) || ignored.contains(name) || DiffJobOptions.PARTITION_COLUMN.equals(name);
    }

    private static boolean has(StructType schema, String name) {
        return Arrays.asList(schema.fieldNames()).contains(name);
    }
}
