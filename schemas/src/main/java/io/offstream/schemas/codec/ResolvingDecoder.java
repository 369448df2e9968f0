package io.offstream.schemas.codec;

import io.offstream.schemas.history.SchemaVersion;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Decodes single-object messages of one record into one reader schema (the current version), from
 * any released writer version; turns every failure into a {@link MessageDecodingException}.
 * Thread-safe.
 */
final class ResolvingDecoder<D> {

    private final HistorySchemaStore store;
    private final Schema reader;
    private final SingleObjectBodyReader<D> body;

    ResolvingDecoder(HistorySchemaStore store, GenericData model, Schema reader) {
        this.store = store;
        this.reader = reader;
        this.body = new SingleObjectBodyReader<>(model, reader);
    }

    /** The writer version of {@code message}, checked to be a version of this decoder's record. */
    SchemaVersion writerOf(byte[] message) {
        SchemaVersion writer = writerVersion(store, message);
        if (!writer.recordName().equals(reader.getFullName()) && !reader.getAliases().contains(writer.recordName())) {
            throw new SchemaMismatchException("message is " + writer.label() + " (" + writer.recordName()
                    + ", fingerprint " + Fingerprints.hex(writer.fingerprint()) + "), not a version of "
                    + reader.getFullName());
        }
        return writer;
    }

    D decode(byte[] message) {
        SchemaVersion writer = writerOf(message);
        try {
            return body.read(writer, message);
        } catch (IOException | RuntimeException e) {
            throw new MalformedMessageException("body of a " + writer.label() + " message (fingerprint "
                    + Fingerprints.hex(writer.fingerprint()) + ", " + message.length + " bytes) does not decode: "
                    + e, e);
        }
    }

    /** The released version whose fingerprint {@code message} carries. */
    static SchemaVersion writerVersion(HistorySchemaStore store, byte[] message) {
        long fingerprint = SingleObjectHeader.fingerprint(message);
        return store.findVersion(fingerprint).orElseThrow(() -> new UnknownSchemaException(fingerprint, null));
    }
}
