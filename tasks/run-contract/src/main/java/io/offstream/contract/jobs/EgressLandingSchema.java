package io.offstream.contract.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

import io.offstream.contract.service.ServiceDefinition;

/**
 * The schema of the rows the egress job lands, and so of a service's landing table: the current
 * response schema, with the key fields it does not have added in front (key order, the request's
 * field schema: type, logical type and doc). Every landed row thus carries its record key, which is
 * what validate reads back ({@link #keyProjection}). A key field the response has keeps the
 * response's definition and value. Decimals land on {@code fixed} ({@link LandingDecimals}).
 */
public final class EgressLandingSchema {

    private EgressLandingSchema() {
    }

    public static Schema of(ServiceDefinition service) {
        return of(service.responseSchema(), service.requestSchema(), service.descriptor().key());
    }

    /**
     * The landing schema of a response; named like the response, so a reader of responses reads it.
     *
     * @throws IllegalArgumentException if a key field is not a request field, or its type clashes
     *         with a type of the response of the same name
     */
    public static Schema of(Schema response, Schema request, List<String> keyFields) {
        List<Schema.Field> fields = new ArrayList<>();
        for (String key : addedKeyFields(response, keyFields)) {
            Schema.Field requestField = request.getField(key);
            if (requestField == null) {
                throw new IllegalArgumentException("key field '" + key + "' is not a field of " + request.getFullName());
            }
            String doc = requestField.doc() != null ? requestField.doc() : "Part of the record key (from the request).";
            fields.add(new Schema.Field(key, LandingDecimals.of(requestField.schema()), doc));
        }
        for (Schema.Field field : response.getFields()) {
            fields.add(new Schema.Field(field, LandingDecimals.of(field.schema())));
        }
        Schema landing = Schema.createRecord(response.getName(), response.getDoc(), response.getNamespace(), false, fields);
        response.getObjectProps().forEach(landing::addProp);
        List<String> clashes = new ArrayList<>();
        namedTypes(landing, new HashMap<>(), clashes);
        if (!clashes.isEmpty()) {
            // Avro would write the second definition as a reference to the first: a schema that lies
            throw new IllegalArgumentException("the landing schema of " + response.getFullName() + " with the key fields "
                    + addedKeyFields(response, keyFields) + " of " + request.getFullName() + " is not valid: "
                    + String.join("; ", clashes));
        }
        return landing;
    }

    /** Collects every named type by full name; two different definitions of one name are a clash. */
    private static void namedTypes(Schema schema, Map<String, Schema> seen, List<String> clashes) {
        switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> {
                Schema earlier = seen.putIfAbsent(schema.getFullName(), schema);
                if (earlier != null) {
                    if (!earlier.equals(schema)) {
                        clashes.add("two different types are named " + schema.getFullName());
                    }
                    return;
                }
                if (schema.getType() == Schema.Type.RECORD) {
                    schema.getFields().forEach(field -> namedTypes(field.schema(), seen, clashes));
                }
            }
            case ARRAY -> namedTypes(schema.getElementType(), seen, clashes);
            case MAP -> namedTypes(schema.getValueType(), seen, clashes);
            case UNION -> schema.getTypes().forEach(branch -> namedTypes(branch, seen, clashes));
            default -> {
            }
        }
    }

    /** The key fields a landing row adds to the response: those the response does not have, in key order. */
    public static List<String> addedKeyFields(Schema response, List<String> keyFields) {
        return keyFields.stream().filter(key -> response.getField(key) == null).toList();
    }

    /** Only the key fields of a landing schema, in key order: what a reader of the landed keys asks Parquet for. */
    public static Schema keyProjection(Schema landing, List<String> keyFields) {
        List<Schema.Field> fields = new ArrayList<>();
        for (String key : keyFields) {
            Schema.Field field = landing.getField(key);
            if (field == null) {
                throw new IllegalArgumentException("key field '" + key + "' is not a field of the landing schema " + landing.getFullName());
            }
            fields.add(new Schema.Field(field, field.schema()));
        }
        return Schema.createRecord(landing.getName(), landing.getDoc(), landing.getNamespace(), false, fields);
    }
}
