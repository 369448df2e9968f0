package io.offstream.consumer.core.invoke;

/** The remote service answered with a client error (4xx other than 429): retrying will not help. */
public class RemoteServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public RemoteServiceException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
