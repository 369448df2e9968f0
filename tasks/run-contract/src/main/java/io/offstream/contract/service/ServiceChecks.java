package io.offstream.contract.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

import io.offstream.schemas.compatibility.SchemaHistoryCompatibility;
import io.offstream.schemas.compatibility.VersionIncompatibility;
import io.offstream.schemas.history.RecordHistory;

/**
 * The checks of a catalogue entry that need no warehouse: schema histories backward-transitive
 * compatible, and every field the descriptor names exists in the current request (or response)
 * schema with a type its use allows.
 */
public final class ServiceChecks {

    private ServiceChecks() {
    }

    public static List<String> problems(ServiceDescriptor descriptor, RecordHistory request, RecordHistory response) {
        List<String> problems = new ArrayList<>();
        SchemaHistoryCompatibility compatibility = new SchemaHistoryCompatibility();
        compatibility.check(request).forEach(i -> problems.add("request/: " + i.describe()));
        compatibility.check(response).forEach(i -> problems.add("response/: " + i.describe()));
        Schema req = request.current().schema();
        Schema res = response.current().schema();
        for (String key : descriptor.key()) {
            Schema.Field field = req.getField(key);
            if (field == null) {
                problems.add("key field '" + key + "' is not a field of " + name(req) + " " + fieldNames(req));
            } else if (AvroTypes.nullable(field.schema())) {
                problems.add("key field '" + key + "' is nullable in " + name(req) + ": a key must always have a value");
            } else if (!AvroTypes.isKeyType(field.schema())) {
                problems.add("key field '" + key + "' is " + AvroTypes.describe(field.schema())
                        + ": a key field must be a string, enum, int, long or date");
            }
        }
        if (descriptor.eventTime() != null) {
            Schema.Field field = req.getField(descriptor.eventTime());
            if (field == null) {
                problems.add("event-time field '" + descriptor.eventTime() + "' is not a field of " + name(req) + " " + fieldNames(req));
            } else {
                Schema s = AvroTypes.nonNull(field.schema());
                if (!AvroTypes.isTimestamp(s) && !AvroTypes.isDate(s)) {
                    problems.add("event-time field '" + descriptor.eventTime() + "' is " + AvroTypes.describe(s)
                            + ": it must be a timestamp-millis, timestamp-micros or date");
                }
            }
        }
        for (String field : descriptor.columns().keySet()) {
            if (req.getField(field) == null) {
                problems.add("columns: '" + field + "' is not a field of " + name(req) + " " + fieldNames(req));
            }
        }
        for (Map.Entry<String, FieldConstraint> e : descriptor.constraints().entrySet()) {
            Schema.Field field = req.getField(e.getKey());
            if (field == null) {
                problems.add("constraints: '" + e.getKey() + "' is not a field of " + name(req) + " " + fieldNames(req));
                continue;
            }
            Schema s = AvroTypes.nonNull(field.schema());
            FieldConstraint c = e.getValue();
            if (c.numeric() && !AvroTypes.isNumeric(s)) {
                problems.add("constraints." + e.getKey() + ": min/max need a numeric field, it is " + AvroTypes.describe(s));
            }
            if (c.textual() && !AvroTypes.isTextual(s)) {
                problems.add("constraints." + e.getKey() + ": pattern/max-length/in need a string or enum field, it is "
                        + AvroTypes.describe(s));
            }
        }
        for (String ignored : descriptor.diffIgnore()) {
            if (res.getField(ignored) == null) {
                problems.add("diff.ignore: '" + ignored + "' is not a field of " + name(res) + " " + fieldNames(res));
            }
        }
        return problems;
    }

    private static String name(Schema schema) {
        return schema.getName();
    }

    private static List<String> fieldNames(Schema schema) {
        return schema.getFields().stream().map(Schema.Field::name).toList();
    }

    /** For callers that report incompatibilities themselves. */
    static String describe(VersionIncompatibility incompatibility) {
        return incompatibility.describe();
    }
}
