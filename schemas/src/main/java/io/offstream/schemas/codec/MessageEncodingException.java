package io.offstream.schemas.codec;

/**
 * A record could not be encoded: a required field is null, a value has the wrong Java type, or
 * the record's schema is not a released version (data nobody could decode is never written).
 * Unchecked; a producer that builds records from warehouse rows can catch it to quarantine the row.
 */
public class MessageEncodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MessageEncodingException(String message) {
        super(message);
    }

    public MessageEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
