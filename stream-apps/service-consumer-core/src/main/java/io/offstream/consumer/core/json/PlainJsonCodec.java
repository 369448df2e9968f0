package io.offstream.consumer.core.json;

import io.offstream.consumer.core.avro.AvroModels;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * A record's plain JSON, the HTTP contract of remote services (ARCHITECTURE.md, "Onboarding a
 * service"). Not Avro's JSON encoding (no union wrappers):
 * <ul>
 *   <li>a record: an object with the schema's field names, in schema order; an absent nullable
 *       field is {@code null} (read: a missing field takes its default, else null if nullable);
 *       unknown fields are ignored on reading;</li>
 *   <li>{@code ["null", T]}: {@code null} or the value of T; arrays and maps: arrays and objects;</li>
 *   <li>{@code decimal} (bytes or fixed): a JSON number with exactly the schema's scale, e.g.
 *       {@code 12.30}, read exactly (as {@code BigDecimal}; a numeric string is taken too);</li>
 *   <li>{@code date}: {@code "2024-06-01"}; {@code time-*}: {@code "13:45:30.123"};
 *       {@code timestamp-millis|micros|nanos}: {@code "2024-06-01T13:45:30.123Z"} with 3, 6 or 9
 *       fraction digits (read with any offset); {@code local-timestamp-*}: the same without
 *       {@code Z};</li>
 *   <li>enums: the symbol; {@code bytes} and {@code fixed} (not decimal): base64 strings;
 *       {@code uuid}: its string; NaN and infinities: the strings {@code "NaN"}, {@code "Infinity"}.</li>
 * </ul>
 * {@code duration} and unions of several non-null types have no plain JSON form (refused). Writing
 * is deterministic, so equal records give equal bytes. Thread-safe.
 *
 * @param <T> the records it reads: {@link GenericRecord} or a generated class
 */
public final class PlainJsonCodec<T extends IndexedRecord> {

    private final Schema schema;

    private final PlainJsonReader reader;

    private PlainJsonCodec(Schema schema, GenericData model) {
        this.schema = schema;
        this.reader = new PlainJsonReader(model);
    }

    /** Reads generic records of the schema, logical values as Java types ({@code BigDecimal}, {@code Instant}, ...). */
    public static PlainJsonCodec<GenericRecord> of(Schema schema) {
        return new PlainJsonCodec<>(schema, AvroModels.generic());
    }

    /** Reads instances of a generated record class. */
    public static <T extends SpecificRecord> PlainJsonCodec<T> of(Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        return new PlainJsonCodec<>(model.getSchema(type), model);
    }

    /** The record's plain JSON, by the record's own schema. */
    public byte[] write(IndexedRecord record) {
        return PlainJsonWriter.write(record);
    }

    /**
     * The record the JSON holds.
     *
     * @throws PlainJsonException naming the field that is missing or does not fit its type
     */
    @SuppressWarnings("unchecked")
    public T read(byte[] json) {
        return (T) reader.read(json, schema);
    }

    public Schema schema() {
        return schema;
    }
}
