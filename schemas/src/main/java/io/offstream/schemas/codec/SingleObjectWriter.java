package io.offstream.schemas.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;

/**
 * Writes records of one schema as single-object messages: the header, computed once, then the body.
 * Avro's {@code BinaryMessageEncoder} writes the body a byte at a time into a synchronized
 * {@code ByteArrayOutputStream} and copies it out again, which made encoding a tenth of a no-op
 * consumer's time; here the bytes go into an unsynchronized array that becomes the message.
 * Thread-safe.
 */
public final class SingleObjectWriter<D> {

    private final long fingerprint;

    private final byte[] header;

    private final DatumWriter<D> writer;

    @SuppressWarnings("unchecked")
    public SingleObjectWriter(GenericData model, Schema schema) {
        this.fingerprint = Fingerprints.of(schema);
        this.header = SingleObjectHeader.of(fingerprint);
        this.writer = (DatumWriter<D>) model.createDatumWriter(schema);
    }

    /** The fingerprint of the schema the messages are written with. */
    public long fingerprint() {
        return fingerprint;
    }

    /**
     * The record as a single-object message.
     *
     * @throws IOException or a runtime exception of Avro's if the record does not fit the schema
     */
    public byte[] write(D datum) throws IOException {
        MessageBytes out = new MessageBytes(header);
        BinaryEncoder body = EncoderFactory.get().directBinaryEncoder(out, null);
        writer.write(datum, body);
        return out.toByteArray();
    }

    /** A growable array that starts with the header; unsynchronized, one per message. */
    private static final class MessageBytes extends OutputStream {

        private byte[] bytes;

        private int size;

        MessageBytes(byte[] header) {
            bytes = Arrays.copyOf(header, 256);
            size = header.length;
        }

        @Override
        public void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
