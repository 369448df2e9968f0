package io.offstream.contract.coerce;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

import io.offstream.contract.keys.RecordKeys;
import io.offstream.contract.service.FieldConstraint;
import io.offstream.contract.service.ServiceDefinition;
import io.offstream.contract.service.ServiceDescriptor;

/**
 * Turns one warehouse row into a service's request, or says why it cannot: the generic part of
 * ingress, for any catalogue entry. Each field of the current request schema is read from its
 * column ({@link ServiceDescriptor#columnOf}; a dotted name reaches into struct columns, {@link #read}), coerced to the field's type ({@link ValueCoercion}),
 * checked against the descriptor's constraint ({@link ConstraintCheck}) and, for the event-time
 * field, against the partition's day ({@link PartitionDay}); the first problem in field order
 * rejects the row. A duplicate key is checked last, so a duplicate that is also malformed is
 * counted as malformed.
 *
 * <p>Serializable (Spark ships it to executors): it keeps the schema as JSON and rebuilds the rest.
 */
public final class RowCoercer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String schemaJson;
    private final List<String> keyFields;
    private final String eventTimeField;
    private final LinkedHashMap<String, String> columnOfField;
    private final LinkedHashMap<String, ConstraintCheck> checks;

    private transient Schema schema;
    private transient RecordKeys keys;
    /** The dotted columns split into their paths, once rather than per row. */
    private transient Map<String, String[]> paths;

    public RowCoercer(Schema requestSchema, ServiceDescriptor descriptor) {
        this.schemaJson = requestSchema.toString();
        this.keyFields = new ArrayList<>(descriptor.key());
        this.eventTimeField = descriptor.eventTime();
        this.columnOfField = new LinkedHashMap<>();
        for (Schema.Field field : requestSchema.getFields()) {
            columnOfField.put(field.name(), descriptor.columnOf(field.name()));
        }
        this.checks = new LinkedHashMap<>();
        for (Map.Entry<String, FieldConstraint> e : descriptor.constraints().entrySet()) {
            checks.put(e.getKey(), new ConstraintCheck(e.getValue()));
        }
        initialize();
    }

    /** The coercer of a catalogue entry's current request schema. */
    public static RowCoercer of(ServiceDefinition service) {
        return new RowCoercer(service.requestSchema(), service.descriptor());
    }

    public Schema schema() {
        return schema;
    }

    /** The warehouse columns the request is read from, in field order. */
    public List<String> columns() {
        return List.copyOf(columnOfField.values());
    }

    /** The warehouse columns of the key fields, in key order: what duplicates are detected by. */
    public List<String> keyColumns() {
        return keyFields.stream().map(columnOfField::get).toList();
    }

    /**
     * @param row the row's values by warehouse column name, as plain Java values (null for a missing column)
     * @param partitionDate the day of the row's dt= partition
     * @param duplicate whether an earlier row of the partition has the same key
     */
    public RowVerdict coerce(Function<String, Object> row, LocalDate partitionDate, boolean duplicate) {
        try {
            GenericData.Record record = new GenericData.Record(schema);
            for (Schema.Field field : schema.getFields()) {
                String name = field.name();
                Object datum = ValueCoercion.field(field, read(row, columnOfField.get(name)), name);
                if (datum != null) {
                    ConstraintCheck check = checks.get(name);
                    if (check != null) {
                        datum = check.apply(name, datum, field.schema());
                    }
                    if (name.equals(eventTimeField)) {
                        PartitionDay.check(name, datum, field.schema(), partitionDate);
                    }
                }
                record.put(field.pos(), datum);
            }
            String key = keys.keyOf(record);
            if (duplicate) {
                return RowVerdict.reject(new Rejection(RejectReason.DUPLICATE_KEY, String.join(",", keyFields), "key "
                        + String.join(",", keyFields) + " '" + ValueText.brief(key) + "' appeared earlier in partition dt="
                        + partitionDate));
            }
            return RowVerdict.accept(record, key);
        } catch (ValueRejectedException e) {
            return RowVerdict.reject(e.rejection());
        }
    }

    /**
     * A column's value; a name with dots that is no column of the row is a path into struct columns
     * ({@code shipping.country}: the field {@code country} of the struct {@code shipping}), null
     * where a struct on the way is null or lacks the field.
     *
     * @param row the row's values by top-level column name, structs as maps of field name to value
     */
    public Object read(Function<String, Object> row, String column) {
        Object value = row.apply(column);
        String[] path = value == null ? paths.get(column) : null;
        if (path == null) {
            return value;
        }
        Object current = row.apply(path[0]);
        for (int i = 1; i < path.length && current != null; i++) {
            current = current instanceof Map<?, ?> struct ? struct.get(path[i]) : null;
        }
        return current;
    }

    private void initialize() {
        this.schema = new Schema.Parser().parse(schemaJson);
        this.keys = new RecordKeys(keyFields);
        this.paths = new HashMap<>();
        for (String column : columnOfField.values()) {
            if (column.indexOf('.') >= 0) {
                paths.put(column, column.split("\\."));
            }
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        initialize();
    }
}
