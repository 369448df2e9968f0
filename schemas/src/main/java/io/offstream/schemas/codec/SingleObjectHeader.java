package io.offstream.schemas.codec;

/**
 * The 10-byte header of an Avro single-object message: the marker {@code C3 01} and the writer
 * schema's fingerprint, little-endian. Reading it first lets a decoder say exactly what is wrong
 * with a message before Avro touches the body.
 */
public final class SingleObjectHeader {

    /** Bytes before the body: 2 of marker, 8 of fingerprint. */
    public static final int LENGTH = 10;

    private static final int MARKER_0 = 0xC3;
    private static final int MARKER_1 = 0x01;

    private SingleObjectHeader() {
    }

    /** The header of messages written with the schema of this fingerprint. */
    public static byte[] of(long fingerprint) {
        byte[] header = new byte[LENGTH];
        header[0] = (byte) MARKER_0;
        header[1] = (byte) MARKER_1;
        for (int i = 0; i < Long.BYTES; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return header;
    }

    /**
     * The writer schema's fingerprint in {@code message}.
     *
     * @throws MalformedMessageException if the message is null, shorter than the header, or does
     *     not start with the single-object marker
     */
    public static long fingerprint(byte[] message) {
        if (message == null) {
            throw new MalformedMessageException("message is null (a tombstone?), not an Avro single-object message");
        }
        if (message.length < LENGTH) {
            throw new MalformedMessageException("message has " + message.length + " bytes, fewer than the "
                    + LENGTH + "-byte Avro single-object header");
        }
        int first = message[0] & 0xff;
        int second = message[1] & 0xff;
        if (first != MARKER_0 || second != MARKER_1) {
            throw new MalformedMessageException(String.format(
                    "message starts with %02X %02X, not the Avro single-object marker C3 01", first, second));
        }
        long fingerprint = 0;
        for (int i = LENGTH - 1; i >= 2; i--) {
            fingerprint = (fingerprint << 8) | (message[i] & 0xffL);
        }
        return fingerprint;
    }
}
