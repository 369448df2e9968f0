package io.offstream.consumer.core.avro;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import io.offstream.schemas.codec.Fingerprints;
import io.offstream.schemas.codec.MessageEncodingException;
import io.offstream.schemas.codec.SingleObjectWriter;
import io.offstream.schemas.codec.SingleObjectWriters;
import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaVersion;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Encodes a service's results as egress values: Avro single-object encoding with the result's own
 * schema, which must be a released version of the response (any of them: readers resolve it into
 * the current one by its fingerprint). A generated record is written with its class's model, any
 * other {@link IndexedRecord} with {@link AvroModels#generic()}, which takes logical values and raw
 * ones alike. Every failure is a {@link MessageEncodingException}. Thread-safe.
 */
public final class ResultEncoder {

    private final RecordHistory response;

    private final SingleObjectWriters writers;

    public ResultEncoder(RecordHistory response) {
        this.response = response;
        Set<Long> released = response.versions().stream().map(SchemaVersion::fingerprint).collect(Collectors.toUnmodifiableSet());
        this.writers = new SingleObjectWriters(AvroModels.generic(), released::contains,
                (schema, fingerprint) -> new MessageEncodingException("the service returned a " + schema.getFullName()
                        + " (fingerprint " + Fingerprints.hex(fingerprint) + "), which is no released version of the response "
                        + response.fullName() + " (v1..v" + response.current().number() + ")"));
    }

    public byte[] encode(Object result) {
        if (!(result instanceof IndexedRecord record)) {
            throw new MessageEncodingException("the service returned " + (result == null ? "null" : "a " + result.getClass().getName())
                    + ", not an Avro record of the response " + response.fullName());
        }
        Schema schema = record.getSchema();
        SingleObjectWriter<IndexedRecord> writer = writers.of(record);
        try {
            return writer.write(record);
        }
        catch (IOException | RuntimeException e) {
            throw new MessageEncodingException("cannot encode the " + schema.getFullName() + " result: " + e.getMessage(), e);
        }
    }
}
