package io.offstream.consumer.core.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.offstream.schemas.codec.Fingerprints;
import io.offstream.schemas.codec.MessageEncodingException;
import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaVersion;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.message.BinaryMessageEncoder;
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

    private final Map<Schema, Long> fingerprints = new ConcurrentHashMap<>();

    private final Map<Object, BinaryMessageEncoder<IndexedRecord>> encoders = new ConcurrentHashMap<>();

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
        long fingerprint = fingerprints.computeIfAbsent(schema, Fingerprints::of);
        if (!released.contains(fingerprint)) {
            throw new MessageEncodingException("the service returned a " + schema.getFullName() + " (fingerprint "
                    + Fingerprints.hex(fingerprint) + "), which is no released version of the response "
                    + response.fullName() + " (v1..v" + response.current().number() + ")");
        }
        BinaryMessageEncoder<IndexedRecord> encoder = record instanceof SpecificRecord
                ? encoders.computeIfAbsent(record.getClass(), type -> new BinaryMessageEncoder<>(SpecificData.getForClass(record.getClass()), schema))
                : encoders.computeIfAbsent(fingerprint, f -> new BinaryMessageEncoder<>(AvroModels.generic(), schema));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            encoder.encode(record, out);
        }
        catch (IOException | RuntimeException e) {
            throw new MessageEncodingException("cannot encode the " + schema.getFullName() + " result: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
