package io.offstream.schemas.codec;

/**
 * The message's writer schema is no released version of any record: it was written with a schema
 * that was never released, or by a producer newer than this copy of offstream-schemas.
 */
public class UnknownSchemaException extends MessageDecodingException {

    private static final long serialVersionUID = 1L;

    private final long fingerprint;

    public UnknownSchemaException(long fingerprint, Throwable cause) {
        super("unknown writer schema fingerprint " + Fingerprints.describe(fingerprint)
                + ": it matches no released version of any Offstream record; was the message written with an"
                + " unreleased schema, or with a newer offstream-schemas than this reader has?", cause);
        this.fingerprint = fingerprint;
    }

    /** The fingerprint the message carries. */
    public long fingerprint() {
        return fingerprint;
    }
}
