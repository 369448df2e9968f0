package io.offstream.consumer.core.avro;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;

/**
 * The Avro data models the consumer reads and writes records with. Records without a generated
 * class hold logical values as Java types ({@code BigDecimal}, {@code Instant}, {@code LocalDate},
 * ...), the way generated classes do, so a service function sees the same kinds of values either
 * way. Avro's own models hold raw {@code long}s and {@code ByteBuffer}s unless told otherwise.
 */
public final class AvroModels {

    /** Every logical type with a conversion, except {@code duration}, which has no plain JSON form. */
    private static final List<Conversion<?>> CONVERSIONS = List.of(
            new Conversions.DecimalConversion(),
            new Conversions.BigDecimalConversion(),
            new Conversions.UUIDConversion(),
            new TimeConversions.DateConversion(),
            new TimeConversions.TimeMillisConversion(),
            new TimeConversions.TimeMicrosConversion(),
            new TimeConversions.TimestampMillisConversion(),
            new TimeConversions.TimestampMicrosConversion(),
            new TimeConversions.TimestampNanosConversion(),
            new TimeConversions.LocalTimestampMillisConversion(),
            new TimeConversions.LocalTimestampMicrosConversion(),
            new TimeConversions.LocalTimestampNanosConversion());

    private static final Map<String, Conversion<?>> BY_NAME = CONVERSIONS.stream()
            .collect(Collectors.toUnmodifiableMap(Conversion::getLogicalTypeName, Function.identity()));

    private static final GenericData GENERIC = withConversions(new GenericData());

    private AvroModels() {
    }

    /** The generic model with logical values; shared, as a model is thread-safe once built. */
    public static GenericData generic() {
        return GENERIC;
    }

    /**
     * A model that builds records as the generated classes {@code types} can load, and as generic
     * records (with logical values) where it finds none.
     */
    public static SpecificData specific(ClassLoader types) {
        return withConversions(new SpecificData(types));
    }

    /** The standard conversion of a logical type; null for none (e.g. {@code duration} or an unknown type). */
    public static Conversion<?> conversion(LogicalType type) {
        return type == null ? null : BY_NAME.get(type.getName());
    }

    private static <M extends GenericData> M withConversions(M model) {
        CONVERSIONS.forEach(model::addLogicalTypeConversion);
        return model;
    }
}
