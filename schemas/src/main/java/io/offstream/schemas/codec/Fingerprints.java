package io.offstream.schemas.codec;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The schema fingerprint of the single-object encoding and how to print it, so every message
 * about an unknown or mismatched schema names it the same way.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** CRC-64-AVRO of the schema's parsing canonical form; docs, defaults and properties do not count. */
    public static long of(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** The fingerprint as a 64-bit number in hex, e.g. {@code 0x1f2e3d4c5b6a7988}. */
    public static String hex(long fingerprint) {
        return String.format("0x%016x", fingerprint);
    }

    /**
     * The fingerprint as its 8 bytes appear on the wire (little-endian), e.g.
     * {@code 88 79 6a 5b 4c 3d 2e 1f}, to compare with a hex dump of a message.
     */
    public static String wireBytes(long fingerprint) {
        StringBuilder bytes = new StringBuilder(23);
        for (int i = 0; i < Long.BYTES; i++) {
            if (i > 0) {
                bytes.append(' ');
            }
            bytes.append(String.format("%02x", (fingerprint >>> (8 * i)) & 0xff));
        }
        return bytes.toString();
    }

    /** Both forms, for error messages. */
    static String describe(long fingerprint) {
        return hex(fingerprint) + " (wire bytes " + wireBytes(fingerprint) + ")";
    }
}
