package io.offstream.contract.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;

/**
 * Whether a dataset's columns can feed a service's current request schema: every request field
 * that cannot be null has a column, and every column used has a type ingress can coerce to its
 * field. What is coercible is the same table the row coercer follows.
 */
public final class DatasetFit {

    private static final Set<WarehouseType> SCALARS = EnumSet.of(WarehouseType.STRING, WarehouseType.BOOLEAN, WarehouseType.INT,
            WarehouseType.LONG, WarehouseType.FLOAT, WarehouseType.DOUBLE, WarehouseType.DECIMAL, WarehouseType.DATE,
            WarehouseType.TIMESTAMP);
    private static final Set<WarehouseType> NUMBERS = EnumSet.of(WarehouseType.STRING, WarehouseType.INT, WarehouseType.LONG,
            WarehouseType.FLOAT, WarehouseType.DOUBLE, WarehouseType.DECIMAL);

    private DatasetFit() {
    }

    /**
     * @param columns the dataset's columns and their types
     * @return every problem, each naming the field and the column
     */
    public static List<String> problems(ServiceDefinition service, Map<String, WarehouseType> columns) {
        List<String> problems = new ArrayList<>();
        ServiceDescriptor d = service.descriptor();
        for (Schema.Field field : service.requestSchema().getFields()) {
            String column = d.columnOf(field.name());
            WarehouseType type = columns.get(column);
            if (type == null) {
                boolean optional = AvroTypes.nullable(field.schema()) || field.hasDefaultValue();
                if (!optional) {
                    problems.add("the dataset has no column '" + column + "' for the required request field '" + field.name() + "' ("
                            + AvroTypes.describe(field.schema()) + ")" + (column.equals(field.name()) ? ""
                                    : " (mapped in columns)") + "; its columns are " + columns.keySet());
                }
                continue;
            }
            if (!coercible(type, AvroTypes.nonNull(field.schema()))) {
                problems.add("column '" + column + "' is " + type + " and cannot be coerced to request field '" + field.name() + "' ("
                        + AvroTypes.describe(field.schema()) + ")");
            }
        }
        return problems;
    }

    /** The coercion table: which warehouse types ingress turns into a value of the Avro type. */
    public static boolean coercible(WarehouseType from, Schema to) {
        if (AvroTypes.isDecimal(to)) {
            return NUMBERS.contains(from);
        }
        if (AvroTypes.isDate(to)) {
            return from == WarehouseType.DATE || from == WarehouseType.TIMESTAMP || from == WarehouseType.STRING;
        }
        if (AvroTypes.isTimestamp(to)) {
            return from == WarehouseType.TIMESTAMP || from == WarehouseType.DATE || from == WarehouseType.LONG
                    || from == WarehouseType.STRING;
        }
        return switch (to.getType()) {
            case STRING -> SCALARS.contains(from);
            case ENUM -> from == WarehouseType.STRING;
            case BOOLEAN -> from == WarehouseType.BOOLEAN || from == WarehouseType.STRING;
            case INT, LONG, FLOAT, DOUBLE -> NUMBERS.contains(from);
            case BYTES, FIXED -> from == WarehouseType.BINARY || from == WarehouseType.STRING;
            case ARRAY -> from == WarehouseType.ARRAY;
            case MAP -> from == WarehouseType.MAP || from == WarehouseType.STRUCT;
            case RECORD -> from == WarehouseType.STRUCT;
            case UNION -> true; // a union of several types: decided per value
            default -> false;
        };
    }
}
