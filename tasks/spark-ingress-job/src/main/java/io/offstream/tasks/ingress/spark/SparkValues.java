package io.offstream.tasks.ingress.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;

import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark's values as the plain Java values the run contract's coercer reads: a struct (a Row) is a
 * {@code Map<String, Object>} by field name, an array (a Scala Seq) a {@link List}, a map (a Scala
 * Map) a {@link Map}; scalars stay as Spark gives them (String, numbers, BigDecimal, Timestamp,
 * Date, byte[]...).
 */
final class SparkValues {

    private SparkValues() {
    }

    static Object toJava(Object value) {
        if (value instanceof Row row) {
            return fields(row);
        }
        if (value instanceof scala.collection.Seq<?> seq) {
            List<Object> items = new ArrayList<>(seq.size());
            for (Object item : CollectionConverters.asJava(seq)) {
                items.add(toJava(item));
            }
            return items;
        }
        if (value instanceof scala.collection.Map<?, ?> map) {
            Map<Object, Object> entries = new LinkedHashMap<>();
            CollectionConverters.asJava(map).forEach((k, v) -> entries.put(toJava(k), toJava(v)));
            return entries;
        }
        return value;
    }

    /** A row's fields by name, converted; the whole row when it has no schema (it always has one when read from Parquet). */
    static Map<String, Object> fields(Row row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String[] names = row.schema().fieldNames();
        for (int i = 0; i < names.length; i++) {
            fields.put(names[i], toJava(row.get(i)));
        }
        return fields;
    }
}
