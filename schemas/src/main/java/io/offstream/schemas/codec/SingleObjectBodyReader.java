package io.offstream.schemas.codec;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.offstream.schemas.history.SchemaVersion;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads the body of a single-object message, written with a known writer version, into one reader
 * schema. The body is read straight from the array: Avro's {@code BinaryMessageDecoder} reads it
 * through an {@code InputStream} a byte at a time, which made decoding a seventh of a no-op
 * consumer's time. Keeps one resolving reader per writer version (a record's versions: a
 * handful). Thread-safe.
 */
public final class SingleObjectBodyReader<D> {

    private final GenericData model;

    private final Schema reader;

    private final Map<Long, DatumReader<D>> readers = new ConcurrentHashMap<>();

    public SingleObjectBodyReader(GenericData model, Schema reader) {
        this.model = model;
        this.reader = reader;
    }

    /**
     * The record in {@code message}, whose header (checked by the caller) names {@code writer}.
     *
     * @throws IOException or a runtime exception of Avro's if the body does not decode
     */
    public D read(SchemaVersion writer, byte[] message) throws IOException {
        return readerOf(writer).read(null, DecoderFactory.get().binaryDecoder(message, SingleObjectHeader.LENGTH,
                message.length - SingleObjectHeader.LENGTH, null));
    }

    @SuppressWarnings("unchecked")
    private DatumReader<D> readerOf(SchemaVersion writer) {
        return readers.computeIfAbsent(writer.fingerprint(),
                fingerprint -> (DatumReader<D>) model.createDatumReader(writer.schema(), reader));
    }
}
