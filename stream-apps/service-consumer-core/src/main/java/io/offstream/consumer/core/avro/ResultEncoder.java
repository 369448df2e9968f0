package io.offstream.consumer.core.avro;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.offstream.schemas.codec.Fingerprints;
import io.offstream.schemas.codec.MessageEncodingException;
import io.offstream.schemas.codec.SingleObjectWriter;
import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaVersion;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes a service's results as egress values: Avro single-object encoding with the result's own
 * schema, which must be a released version of the response (any of them: readers resolve it into
 * the current one by its fingerprint). A generated record is written with its class's model, any
 * other {@link IndexedRecord} with {@link AvroModels#generic()}, which takes logical values and raw
 * ones alike. Every failure is a {@link MessageEncodingException}. Thread-safe.
 */
public final class ResultEncoder {

    private final RecordHistory response;

    private final Set<Long> released;

    /** By generated class, or by schema for other records (they are written with the generic model). */
    private final Map<Object, SingleObjectWriter<IndexedRecord>> writers = new ConcurrentHashMap<>();

    public ResultEncoder(RecordHistory response) {
        this.response = response;
        this.released = response.versions().stream().map(SchemaVersion::fingerprint).collect(Collectors.toUnmodifiableSet());
    }

    public byte[] encode(Object result) {
        if (!(result instanceof IndexedRecord record)) {
            throw new MessageEncodingException("the service returned " + (result == null ? "null" : "a " + result.getClass().getName())
                    + ", not an Avro record of the response " + response.fullName());
        }
        Schema schema = record.getSchema();
        // the schema's fingerprint is checked once per generated class or schema, not per result
        SingleObjectWriter<IndexedRecord> writer = record instanceof SpecificRecord
                ? writers.computeIfAbsent(record.getClass(), type -> released(SpecificData.getForClass(record.getClass()), schema))
                : writers.computeIfAbsent(schema, s -> released(AvroModels.generic(), schema));
        try {
            return writer.write(record);
        }
        catch (IOException | RuntimeException e) {
            throw new MessageEncodingException("cannot encode the " + schema.getFullName() + " result: " + e.getMessage(), e);
        }
    }

    /** A writer of the schema, if it is a released version of the response. */
    private SingleObjectWriter<IndexedRecord> released(GenericData model, Schema schema) {
        SingleObjectWriter<IndexedRecord> writer = new SingleObjectWriter<>(model, schema);
        if (!released.contains(writer.fingerprint())) {
            throw new MessageEncodingException("the service returned a " + schema.getFullName() + " (fingerprint "
                    + Fingerprints.hex(writer.fingerprint()) + "), which is no released version of the response "
                    + response.fullName() + " (v1..v" + response.current().number() + ")");
        }
        return writer;
    }
}
