package io.offstream.schemas.history;

/**
 * The schema history is not laid out as {@link HistoryLayout} requires, or one of its files is not
 * a valid Avro record schema. This is a packaging or authoring error, never a data error: it is
 * raised while the history is loaded, before any record is read.
 */
public class InvalidSchemaHistoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidSchemaHistoryException(String message) {
        super(message);
    }

    public InvalidSchemaHistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
