package io.offstream.schemas.codec;

import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaVersion;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;

/**
 * Single-object encoding of any record without its generated class, for code that handles every
 * record alike (the egress, dead-letter tools, tests). Decoding picks the record from the
 * message's fingerprint and resolves it into that record's current version.
 *
 * <p>Generic records follow Avro's generic model: strings decode as {@link org.apache.avro.util.Utf8},
 * {@code timestamp-millis} fields hold a {@code long} of epoch milliseconds. Thread-safe.
 */
public final class GenericRecordCodec {

    private final HistorySchemaStore store;
    private final GenericData model = new GenericData();
    private final Map<String, ResolvingDecoder<GenericRecord>> decoders;
    private final SingleObjectWriters writers;

    public GenericRecordCodec(HistorySchemaStore store) {
        this.store = Objects.requireNonNull(store, "store");
        Map<String, ResolvingDecoder<GenericRecord>> byRecord = new HashMap<>();
        for (RecordHistory record : store.history().records()) {
            byRecord.put(record.fullName(), new ResolvingDecoder<>(store, model, record.current().schema()));
        }
        this.decoders = Map.copyOf(byRecord);
        this.writers = new SingleObjectWriters(model, fingerprint -> store.findVersion(fingerprint).isPresent(),
                (schema, fingerprint) -> new MessageEncodingException("cannot encode " + schema.getFullName()
                        + ": its schema (fingerprint " + Fingerprints.hex(fingerprint) + ") is no released version,"
                        + " so nobody could decode the message"));
    }

    /**
     * The record as a single-object message, written with its own schema, which must be a
     * released version of the record (not necessarily the current one). A generated record is
     * encoded as {@link SpecificRecordCodec} would.
     *
     * @throws MessageEncodingException if the schema is not released or a value does not fit it
     */
    public byte[] encode(GenericRecord record) {
        SingleObjectWriter<IndexedRecord> writer = writers.of(record);
        try {
            return writer.write(record);
        } catch (IOException | RuntimeException e) {
            throw new MessageEncodingException("cannot encode " + record.getSchema().getFullName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The record in a message written with any released version of any record, resolved into the
     * current version of that record.
     *
     * @throws UnknownSchemaException if the message's fingerprint is no released version
     * @throws MalformedMessageException if the header or the body is not valid
     */
    public GenericRecord decode(byte[] message) {
        SchemaVersion writer = ResolvingDecoder.writerVersion(store, message);
        return decoders.get(writer.recordName()).decode(message);
    }
}
