package io.offstream.schemas.codec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The {@link SingleObjectWriter} for each record: by class for generated records (written with
 * their class's model, which has its conversions), by schema for any other (written with the
 * given generic model). A schema is fingerprinted and checked against the released versions once,
 * when its writer is made, not per record. Thread-safe.
 */
public final class SingleObjectWriters {

    /** The error for a record whose schema is no released version. */
    @FunctionalInterface
    public interface Refusal {
        MessageEncodingException of(Schema schema, long fingerprint);
    }

    private final GenericData genericModel;

    private final LongPredicate released;

    private final Refusal refusal;

    private final Map<Object, SingleObjectWriter<IndexedRecord>> writers = new ConcurrentHashMap<>();

    /**
     * @param genericModel the model records that are not generated are written with
     * @param released whether a schema fingerprint is a released version that may be written
     * @param refusal the error for one that is not
     */
    public SingleObjectWriters(GenericData genericModel, LongPredicate released, Refusal refusal) {
        this.genericModel = genericModel;
        this.released = released;
        this.refusal = refusal;
    }

    /**
     * The writer of the record's schema.
     *
     * @throws MessageEncodingException (the refusal's) if the schema is no released version
     */
    public SingleObjectWriter<IndexedRecord> of(IndexedRecord record) {
        Schema schema = record.getSchema();
        return record instanceof SpecificRecord
                ? writers.computeIfAbsent(record.getClass(), type -> released(SpecificData.getForClass(record.getClass()), schema))
                : writers.computeIfAbsent(schema, key -> released(genericModel, schema));
    }

    private SingleObjectWriter<IndexedRecord> released(GenericData model, Schema schema) {
        SingleObjectWriter<IndexedRecord> writer = new SingleObjectWriter<>(model, schema);
        if (!released.test(writer.fingerprint())) {
            throw refusal.of(schema, writer.fingerprint());
        }
        return writer;
    }
}
