package io.offstream.tasks.egress.flink;

import io.offstream.contract.jobs.EgressLandingSchema;
import io.offstream.contract.jobs.LandingDecimals;
import io.offstream.contract.keys.RecordKeys;
import io.offstream.contract.service.AvroTypes;
import io.offstream.schemas.codec.GenericRecordCodec;
import io.offstream.schemas.codec.HistorySchemaStore;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Turns a result read from the egress topic into its landed row: the value decoded by its schema
 * fingerprint (any released response version, resolved to the current one), plus the key fields the
 * response lacks, taken from the record key text ({@link EgressLandingSchema} says which). Values stay
 * in Avro's generic representation (decimals as fixed, see {@link LandingDecimals}; timestamps as
 * longs, dates as ints), which the Parquet writer writes with their logical types.
 */
public final class LandingRows {

    private final GenericRecordCodec codec;
    private final Schema response;
    private final Schema landing;
    private final RecordKeys keys;
    private final List<Schema.Field> addedKeyFields = new ArrayList<>();
    private final List<Integer> addedKeyParts = new ArrayList<>();
    /** The request's schema of each added key field, in the order of {@link #addedKeyFields}. */
    private final List<Schema> addedKeySources = new ArrayList<>();
    /** The landing field of each response field, by the response field's position (looked up once, not per row). */
    private final Schema.Field[] landedFields;

    public LandingRows(HistorySchemaStore store, Schema response, Schema request, List<String> keyFields) {
        this.codec = new GenericRecordCodec(store);
        this.response = response;
        this.landing = EgressLandingSchema.of(response, request, keyFields);
        this.keys = new RecordKeys(keyFields);
        for (String field : EgressLandingSchema.addedKeyFields(response, keyFields)) {
            addedKeyFields.add(landing.getField(field));
            addedKeyParts.add(keyFields.indexOf(field));
            addedKeySources.add(request.getField(field).schema());
        }
        this.landedFields = response.getFields().stream().map(field -> landing.getField(field.name())).toArray(Schema.Field[]::new);
    }

    public Schema landingSchema() {
        return landing;
    }

    /**
     * Checks that a result can land: its value decodes as a response and its key has the key's parts,
     * each of its field's type. An {@link IllegalArgumentException} (or a
     * {@link io.offstream.schemas.codec.MessageDecodingException}) says why not.
     */
    public void check(String key, byte[] value) {
        row(key, value);
    }

    /** The landed row of a result that passed {@link #check}. */
    public GenericRecord row(String key, byte[] value) {
        GenericRecord decoded = decodeResponse(value);
        Object[] keyValues = keyValues(key);
        GenericData.Record row = new GenericData.Record(landing);
        for (int i = 0; i < keyValues.length; i++) {
            Schema.Field field = addedKeyFields.get(i);
            row.put(field.pos(), LandingDecimals.value(keyValues[i], addedKeySources.get(i), field.schema()));
        }
        for (Schema.Field field : response.getFields()) {
            Schema.Field landed = landedFields[field.pos()];
            row.put(landed.pos(), LandingDecimals.value(decoded.get(field.pos()), field.schema(), landed.schema()));
        }
        return row;
    }

    private GenericRecord decodeResponse(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("it has no value");
        }
        GenericRecord record = codec.decode(value);
        if (!record.getSchema().getFullName().equals(response.getFullName())) {
            throw new IllegalArgumentException("its value is a " + record.getSchema().getFullName() + ", not a version of the response "
                    + response.getFullName());
        }
        return record;
    }

    /** The typed values of the key fields the response lacks, as the request holds them. */
    private Object[] keyValues(String key) {
        List<String> parts = keys.parts(key);
        Object[] values = new Object[addedKeyFields.size()];
        for (int i = 0; i < values.length; i++) {
            Schema.Field field = addedKeyFields.get(i);
            String text = parts.get(addedKeyParts.get(i));
            values[i] = typed(key, field.name(), addedKeySources.get(i), text);
        }
        return values;
    }

    private static Object typed(String key, String field, Schema request, String text) {
        Schema schema = AvroTypes.nonNull(request);
        try {
            if (schema.getType() == Schema.Type.ENUM && !schema.hasEnumSymbol(text)) {
                throw new IllegalArgumentException("not a symbol of " + schema.getEnumSymbols());
            }
            return RecordKeys.valueOf(text, schema);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("key '" + key + "': its " + field + " part '" + text + "' is not a "
                    + AvroTypes.describe(schema) + " (" + e.getMessage() + ")", e);
        }
    }
}
