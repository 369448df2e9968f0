package io.offstream.consumer.core.retry;

/** A service failure worth retrying: a timeout, an overloaded or unreachable dependency. */
public class TransientServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TransientServiceException(String message) {
        super(message);
    }

    public TransientServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
