package io.offstream.tasks.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

import io.offstream.contract.service.AvroTypes;
import io.offstream.contract.service.WarehouseType;

/** A warehouse Avro schema's columns as plan types them (what its Parquet footer says once written). */
final class WarehouseColumns {

    private WarehouseColumns() {
    }

    static Map<String, WarehouseType> of(Schema warehouse) {
        Map<String, WarehouseType> columns = new LinkedHashMap<>();
        for (Schema.Field field : warehouse.getFields()) {
            columns.put(field.name(), typeOf(AvroTypes.nonNull(field.schema())));
        }
        return columns;
    }

    static WarehouseType typeOf(Schema s) {
        if (s.getLogicalType() instanceof LogicalTypes.Decimal) {
            return WarehouseType.DECIMAL;
        }
        if (AvroTypes.isTimestamp(s)) {
            return WarehouseType.TIMESTAMP;
        }
        if (AvroTypes.isDate(s)) {
            return WarehouseType.DATE;
        }
        return switch (s.getType()) {
            case STRING, ENUM -> WarehouseType.STRING;
            case BOOLEAN -> WarehouseType.BOOLEAN;
            case INT -> WarehouseType.INT;
            case LONG -> WarehouseType.LONG;
            case FLOAT -> WarehouseType.FLOAT;
            case DOUBLE -> WarehouseType.DOUBLE;
            case BYTES, FIXED -> WarehouseType.BINARY;
            case ARRAY -> WarehouseType.ARRAY;
            case MAP -> WarehouseType.MAP;
            case RECORD -> WarehouseType.STRUCT;
            default -> WarehouseType.OTHER;
        };
    }
}
