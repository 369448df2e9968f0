package io.offstream.contract.coerce;

import static io.offstream.contract.coerce.RejectReason.OUT_OF_RANGE;
import static io.offstream.contract.coerce.RejectReason.TYPE_MISMATCH;

import java.math.BigDecimal;
import java.nio.ByteBuffer;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;

/**
 * Numbers to the {@code decimal(precision, scale)} logical type, on bytes or fixed. A value with
 * more fractional digits than the scale is a type mismatch unless the extra digits are zeros
 * (ingress never rounds money); a value with more digits than the precision is out of range.
 */
final class DecimalCoercion {

    private static final Conversions.DecimalConversion CONVERSION = new Conversions.DecimalConversion();

    private DecimalCoercion() {
    }

    static Object coerce(Object value, String path, Schema schema) {
        LogicalTypes.Decimal type = (LogicalTypes.Decimal) schema.getLogicalType();
        BigDecimal scaled = scaled(value, path, type);
        return schema.getType() == Schema.Type.FIXED ? CONVERSION.toFixed(scaled, schema, type) : CONVERSION.toBytes(scaled, schema, type);
    }

    /** The number with exactly the type's scale; checks run on the stripped value so "1e-999999999" costs nothing. */
    static BigDecimal scaled(Object value, String path, LogicalTypes.Decimal type) {
        String name = "decimal(" + type.getPrecision() + "," + type.getScale() + ")";
        BigDecimal stripped = ScalarCoercion.decimal(value, path, name).stripTrailingZeros();
        if (stripped.scale() > type.getScale()) {
            throw ValueRejectedException.of(TYPE_MISMATCH, path, value, "has more than the " + type.getScale()
                    + " fractional digit(s) of " + name);
        }
        int integerDigits = stripped.signum() == 0 ? 0 : stripped.precision() - stripped.scale();
        if (integerDigits > type.getPrecision() - type.getScale()) {
            throw ValueRejectedException.of(OUT_OF_RANGE, path, value, "has more digits than " + name + " holds");
        }
        return stripped.setScale(type.getScale());
    }

    /** The decimal a coerced value (bytes or fixed) holds, for min/max checks. */
    static BigDecimal valueOf(Object datum, Schema schema) {
        LogicalTypes.Decimal type = (LogicalTypes.Decimal) schema.getLogicalType();
        if (datum instanceof GenericFixed fixed) {
            return CONVERSION.fromFixed(fixed, schema, type);
        }
        return CONVERSION.fromBytes(((ByteBuffer) datum).duplicate(), schema, type);
    }
}
