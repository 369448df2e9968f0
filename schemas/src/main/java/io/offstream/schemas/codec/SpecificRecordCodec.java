package io.offstream.schemas.codec;

import io.offstream.schemas.history.RecordHistory;
import java.io.IOException;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Single-object encoding of one generated record class, e.g. {@code Transaction}: encodes it with
 * its (current) schema, and decodes messages written with any released version of the record into
 * it, filling fields the writer lacked with their defaults. Thread-safe; build one per class and
 * share it.
 *
 * @param <T> the generated class of the record's current version
 */
public final class SpecificRecordCodec<T extends SpecificRecord> {

    private final Class<T> type;
    private final Schema schema;
    private final SingleObjectWriter<T> encoder;
    private final ResolvingDecoder<T> decoder;

    private SpecificRecordCodec(Class<T> type, Schema schema, HistorySchemaStore store) {
        SpecificData model = SpecificData.getForClass(type);
        this.type = type;
        this.schema = schema;
        this.encoder = new SingleObjectWriter<>(model, schema);
        this.decoder = new ResolvingDecoder<>(store, model, schema);
    }

    /**
     * A codec for {@code type}, which must be generated from the current version of its record.
     *
     * @throws IllegalArgumentException if the store has no history for the record, or the class was
     *     generated from another version than the current one (a stale jar on the classpath)
     */
    public static <T extends SpecificRecord> SpecificRecordCodec<T> of(Class<T> type, HistorySchemaStore store) {
        Objects.requireNonNull(type, "type");
        Schema schema = SpecificData.getForClass(type).getSchema(type);
        RecordHistory record = store.history().require(schema.getFullName());
        long fingerprint = Fingerprints.of(schema);
        if (fingerprint != record.current().fingerprint()) {
            String which = store.findVersion(fingerprint)
                    .map(version -> "is " + version.label())
                    .orElse("matches no released version");
            throw new IllegalArgumentException(type.getName() + " " + which + ", but the current version is "
                    + record.current().label() + "; codecs decode into the current version only");
        }
        return new SpecificRecordCodec<>(type, schema, store);
    }

    /**
     * The record as a single-object message.
     *
     * @throws MessageEncodingException if the record cannot be encoded, e.g. a required field is null
     */
    public byte[] encode(T record) {
        try {
            return encoder.write(record);
        } catch (IOException | RuntimeException e) {
            throw new MessageEncodingException("cannot encode " + schema.getFullName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The record in a message written with any released version of it, as the current version.
     *
     * @throws UnknownSchemaException if the message's fingerprint is no released version
     * @throws SchemaMismatchException if it is a version of another record
     * @throws MalformedMessageException if the header or the body is not valid
     */
    public T decode(byte[] message) {
        return decoder.decode(message);
    }

    /** The generated class this codec reads and writes. */
    public Class<T> type() {
        return type;
    }
}
