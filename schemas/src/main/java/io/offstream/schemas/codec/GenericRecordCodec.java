package io.offstream.schemas.codec;

import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

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
    private final Map<Long, BinaryMessageEncoder<GenericRecord>> encoders;
    private final Map<String, ResolvingDecoder<GenericRecord>> decoders;
    private final Map<Class<?>, BinaryMessageEncoder<GenericRecord>> specificEncoders = new ConcurrentHashMap<>();

    public GenericRecordCodec(HistorySchemaStore store) {
        this.store = Objects.requireNonNull(store, "store");
        Map<Long, BinaryMessageEncoder<GenericRecord>> byFingerprint = new HashMap<>();
        Map<String, ResolvingDecoder<GenericRecord>> byRecord = new HashMap<>();
        for (RecordHistory record : store.history().records()) {
            for (SchemaVersion version : record.versions()) {
                byFingerprint.put(version.fingerprint(), new BinaryMessageEncoder<>(model, version.schema()));
            }
            byRecord.put(record.fullName(), new ResolvingDecoder<>(store, model, record.current().schema()));
        }
        this.encoders = Map.copyOf(byFingerprint);
        this.decoders = Map.copyOf(byRecord);
    }

    /**
     * The record as a single-object message, written with its own schema, which must be a
     * released version of the record (not necessarily the current one). A generated record is
     * encoded as {@link SpecificRecordCodec} would.
     *
     * @throws MessageEncodingException if the schema is not released or a value does not fit it
     */
    public byte[] encode(GenericRecord record) {
        long fingerprint = Fingerprints.of(record.getSchema());
        if (store.findVersion(fingerprint).isEmpty()) {
            throw new MessageEncodingException("cannot encode " + record.getSchema().getFullName() + ": its schema"
                    + " (fingerprint " + Fingerprints.hex(fingerprint) + ") is no released version, so nobody could"
                    + " decode the message");
        }
        BinaryMessageEncoder<GenericRecord> encoder = record instanceof SpecificRecord
                ? specificEncoders.computeIfAbsent(record.getClass(),
                        type -> new BinaryMessageEncoder<>(SpecificData.getForClass(type), record.getSchema()))
                : encoders.get(fingerprint);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            encoder.encode(record, out);
        } catch (IOException | RuntimeException e) {
            throw new MessageEncodingException("cannot encode " + record.getSchema().getFullName() + ": "
                    + e.getMessage(), e);
        }
        return out.toByteArray();
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
