package io.offstream.consumer.core.json;

/** Plain JSON that does not fit the record's schema: a client error, never worth a retry. */
public class PlainJsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public PlainJsonException(String message) {
        super(message);
    }

    public PlainJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
