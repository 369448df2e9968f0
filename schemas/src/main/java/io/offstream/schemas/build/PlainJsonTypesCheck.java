package io.offstream.schemas.build;

import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaHistory;
import io.offstream.schemas.history.SchemaVersion;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Offstream records must read the same as plain JSON (result diffs, dead-letter reports, Spark
 * SQL over landed rows), so no version may use {@code bytes} or {@code fixed}, nor the logical
 * types built on them ({@code decimal}, {@code duration}): money is a {@code long} of minor units.
 */
final class PlainJsonTypesCheck {

    private PlainJsonTypesCheck() {
    }

    static List<String> problems(SchemaHistory history) {
        List<String> problems = new ArrayList<>();
        for (RecordHistory record : history.records()) {
            for (SchemaVersion version : record.versions()) {
                walk(version, version.schema(), record.simpleName(), new IdentityHashMap<>(), problems);
            }
        }
        return problems;
    }

    private static void walk(SchemaVersion version, Schema schema, String path, Map<Schema, Boolean> seen,
            List<String> problems) {
        switch (schema.getType()) {
            case BYTES, FIXED -> {
                String logical = schema.getLogicalType() == null ? "" : " (" + schema.getLogicalType().getName() + ")";
                problems.add(version.label() + " uses " + schema.getType().getName() + logical + " at " + path
                        + ": not allowed, its JSON form is ambiguous; use long minor units or a string");
            }
            case RECORD -> {
                if (seen.put(schema, Boolean.TRUE) == null) {
                    for (Schema.Field field : schema.getFields()) {
                        walk(version, field.schema(), path + "." + field.name(), seen, problems);
                    }
                }
            }
            case ARRAY -> walk(version, schema.getElementType(), path + "[]", seen, problems);
            case MAP -> walk(version, schema.getValueType(), path + "{}", seen, problems);
            case UNION -> schema.getTypes().forEach(branch -> walk(version, branch, path, seen, problems));
            default -> { }
        }
    }
}
