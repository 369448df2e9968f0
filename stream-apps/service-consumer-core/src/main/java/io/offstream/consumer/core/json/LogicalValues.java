package io.offstream.consumer.core.json;

import io.offstream.consumer.core.avro.AvroModels;
import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Moves a value of a logical type between its two Avro representations: the logical Java value
 * ({@code BigDecimal}, {@code Instant}, ...) and the raw datum ({@code ByteBuffer}, {@code long}, ...).
 * Records hold one or the other depending on their model (a generated class registers conversions,
 * Avro's plain generic model does not); plain JSON is written from, and read as, the logical value.
 */
final class LogicalValues {

    private LogicalValues() {
    }

    /** The logical value of a datum, whichever representation it is in. */
    static Object logical(Object datum, Schema schema) {
        LogicalType type = schema.getLogicalType();
        Conversion<?> conversion = AvroModels.conversion(type);
        if (datum == null || conversion == null || conversion.getConvertedType().isInstance(datum)) {
            return datum;
        }
        return Conversions.convertToLogicalType(datum, schema, type, conversion);
    }

    /** What a record of {@code model} holds for the logical value: itself where the model converts the type, else its raw form. */
    @SuppressWarnings("unchecked")
    static Object datum(Object logical, Schema schema, GenericData model) {
        LogicalType type = schema.getLogicalType();
        if (model.getConversionFor(type) != null) {
            return logical;
        }
        return Conversions.convertToRawType(logical, schema, type, (Conversion<Object>) AvroModels.conversion(type));
    }
}
