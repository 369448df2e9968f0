package io.offstream.schemas.build;

import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaHistory;
import io.offstream.schemas.history.SchemaVersion;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * Offstream records must read the same as plain JSON (the HTTP contract of remote services, result
 * diffs, dead-letter reports), so every type a version uses needs one plain JSON form:
 * <ul>
 *   <li>{@code decimal} (on bytes or fixed): a JSON number, exact;</li>
 *   <li>{@code bytes} and {@code fixed} without a logical type: a base64 string;</li>
 *   <li>dates, times and timestamps: ISO-8601 strings; enums: their symbol;</li>
 *   <li>a union: {@code null} or the value of its one other branch.</li>
 * </ul>
 * Refused, as they have no such form: {@code duration} (months, days and milliseconds in one
 * fixed) and unions of more than one non-null type (a JSON value would not say which branch it is).
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
        LogicalType logical = schema.getLogicalType();
        if (logical != null && "duration".equals(logical.getName())) {
            problems.add(version.label() + " uses " + schema.getType().getName() + " (duration) at " + path
                    + ": not allowed, it has no plain JSON form; use a long of milliseconds or a string");
            return;
        }
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.put(schema, Boolean.TRUE) == null) {
                    for (Schema.Field field : schema.getFields()) {
                        walk(version, field.schema(), path + "." + field.name(), seen, problems);
                    }
                }
            }
            case ARRAY -> walk(version, schema.getElementType(), path + "[]", seen, problems);
            case MAP -> walk(version, schema.getValueType(), path + "{}", seen, problems);
            case UNION -> {
                long nonNull = schema.getTypes().stream().filter(branch -> branch.getType() != Schema.Type.NULL).count();
                if (nonNull > 1) {
                    problems.add(version.label() + " uses a union of " + nonNull + " non-null types at " + path
                            + ": not allowed, a plain JSON value would not say which it is; use [\"null\", T]");
                }
                schema.getTypes().forEach(branch -> walk(version, branch, path, seen, problems));
            }
            default -> { }
        }
    }
}
