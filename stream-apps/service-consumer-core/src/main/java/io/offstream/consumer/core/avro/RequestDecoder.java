package io.offstream.consumer.core.avro;

import java.io.IOException;
import java.util.List;

import io.offstream.schemas.codec.Fingerprints;
import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.MalformedMessageException;
import io.offstream.schemas.codec.SchemaMismatchException;
import io.offstream.schemas.codec.SingleObjectBodyReader;
import io.offstream.schemas.codec.SingleObjectHeader;
import io.offstream.schemas.codec.UnknownSchemaException;
import io.offstream.schemas.history.RecordHistory;
import io.offstream.schemas.history.SchemaHistory;
import io.offstream.schemas.history.SchemaVersion;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decodes ingress values (Avro single-object messages written with any released version of the
 * request) into the request's current version, as the service's own types: the generated class of
 * the request when the service's class loader has one, a {@link org.apache.avro.generic.GenericRecord}
 * (with logical values, see {@link AvroModels}) otherwise. Every failure is a
 * {@link io.offstream.schemas.codec.MessageDecodingException}, so the record is dead-lettered at
 * stage {@code decode}. Thread-safe.
 */
public final class RequestDecoder {

    private final RecordHistory request;

    private final HistorySchemaStore store;

    private final Class<?> recordType;

    private final SingleObjectBodyReader<IndexedRecord> body;

    /**
     * @param request the request's schema history
     * @param response the response's, so that a result written to the wrong topic is named as such
     * @param types the class loader of the service: where generated classes are looked for
     * @throws StaleRecordClassException if {@code types} has a generated request class of another version
     *         than the current one (it would be filled field by field from the wrong schema)
     */
    public RequestDecoder(RecordHistory request, RecordHistory response, ClassLoader types) {
        this.request = request;
        this.store = new HistorySchemaStore(new SchemaHistory(List.of(request, response)));
        SpecificData model = AvroModels.specific(types);
        Schema current = request.current().schema();
        Class<?> generated = model.getClass(current);
        Schema reader = current;
        if (generated != null && SpecificRecord.class.isAssignableFrom(generated)) {
            Schema classSchema = SpecificData.get().getSchema(generated);
            if (Fingerprints.of(classSchema) != request.current().fingerprint()) {
                throw new StaleRecordClassException("The class " + generated.getName() + " that " + describe(types)
                        + " loads was generated from another schema than the current request version "
                        + request.current().label() + " (fingerprint " + Fingerprints.hex(request.current().fingerprint())
                        + "); rebuild the service with the current schema");
            }
            reader = classSchema; // carries the class's own string types and conversions
            this.recordType = generated;
        }
        else {
            this.recordType = GenericData.Record.class;
        }
        this.body = new SingleObjectBodyReader<>(model, reader);
    }

    /** What requests decode to: the generated class, or {@code GenericData.Record}. */
    public Class<?> recordType() {
        return recordType;
    }

    public IndexedRecord decode(byte[] message) {
        long fingerprint = SingleObjectHeader.fingerprint(message);
        SchemaVersion writer = store.findVersion(fingerprint).orElseThrow(() -> new UnknownSchemaException(fingerprint, null));
        if (!writer.recordName().equals(request.fullName())) {
            throw new SchemaMismatchException("message is " + writer.label() + " (" + writer.recordName() + "), not a version"
                    + " of the request " + request.fullName());
        }
        try {
            return body.read(writer, message);
        }
        catch (IOException | RuntimeException e) {
            throw new MalformedMessageException("body of a " + writer.label() + " message (" + message.length
                    + " bytes) does not decode: " + e, e);
        }
    }

    private static String describe(ClassLoader types) {
        return types == null ? "the bootstrap class loader" : "class loader " + types.getName() + " (" + types + ")";
    }
}
