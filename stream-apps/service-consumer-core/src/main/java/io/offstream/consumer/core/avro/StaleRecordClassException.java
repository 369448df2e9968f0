package io.offstream.consumer.core.avro;

/** A generated record class that the service's class loader has, but of another version than the current schema. */
public class StaleRecordClassException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public StaleRecordClassException(String message) {
        super(message);
    }
}
