package io.offstream.tasks.plan;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import io.offstream.contract.service.WarehouseType;
import io.offstream.tasks.support.ledger.ManifestFile;
import io.offstream.tasks.support.ledger.PlannedPartition;

/**
 * The dataset's columns as plan checks them against the service's request: read from the Parquet
 * footer of the first file of every planned partition (a column renamed from some day on shows as
 * missing in that day's file).
 */
public class DatasetColumns {

    private final Configuration hadoop;

    public DatasetColumns(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /** Columns and types per file read, in partition order; files that are not readable Parquet are left to ingress. */
    public Map<URI, Map<String, WarehouseType>> read(List<PlannedPartition> partitions) {
        Map<URI, Map<String, WarehouseType>> byFile = new LinkedHashMap<>();
        for (PlannedPartition partition : partitions) {
            if (partition.files().isEmpty()) {
                continue;
            }
            ManifestFile first = partition.files().get(0);
            URI uri = URI.create(first.uri());
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(uri), hadoop))) {
                byFile.put(uri, columns(reader.getFooter().getFileMetaData().getSchema()));
            } catch (IOException | RuntimeException unreadable) {
                // ingress decides what an unreadable file does (offstream.ingress.on-corrupt-file)
            }
        }
        return byFile;
    }

    /**
     * The columns, and the fields of every struct column by their dotted path ({@code shipping.country}),
     * which a descriptor's {@code columns} may map a request field to.
     */
    static Map<String, WarehouseType> columns(MessageType schema) {
        Map<String, WarehouseType> columns = new LinkedHashMap<>();
        for (Type field : schema.getFields()) {
            columns.put(field.getName(), typeOf(field));
        }
        for (Type field : schema.getFields()) {
            addStructFields(field, field.getName(), columns);
        }
        return columns;
    }

    /** A column named with a dot ({@code shipping.country}) is already in and wins over the path. */
    private static void addStructFields(Type field, String path, Map<String, WarehouseType> columns) {
        if (typeOf(field) != WarehouseType.STRUCT) {
            return;
        }
        for (Type nested : field.asGroupType().getFields()) {
            columns.putIfAbsent(path + "." + nested.getName(), typeOf(nested));
            addStructFields(nested, path + "." + nested.getName(), columns);
        }
    }

    static WarehouseType typeOf(Type field) {
        LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
        if (!field.isPrimitive()) {
            GroupType group = field.asGroupType();
            if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
                return WarehouseType.ARRAY;
            }
            if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                    || logical instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
                return WarehouseType.MAP;
            }
            return group.getFieldCount() >= 0 ? WarehouseType.STRUCT : WarehouseType.OTHER;
        }
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
            return WarehouseType.DECIMAL;
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return WarehouseType.DATE;
        }
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
            return WarehouseType.TIMESTAMP;
        }
        PrimitiveType.PrimitiveTypeName primitive = field.asPrimitiveType().getPrimitiveTypeName();
        return switch (primitive) {
            case BINARY -> logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                    || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                    || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation ? WarehouseType.STRING : WarehouseType.BINARY;
            case INT32 -> WarehouseType.INT;
            case INT64 -> WarehouseType.LONG;
            case INT96 -> WarehouseType.TIMESTAMP;
            case FLOAT -> WarehouseType.FLOAT;
            case DOUBLE -> WarehouseType.DOUBLE;
            case BOOLEAN -> WarehouseType.BOOLEAN;
            case FIXED_LEN_BYTE_ARRAY -> WarehouseType.BINARY;
        };
    }
}
