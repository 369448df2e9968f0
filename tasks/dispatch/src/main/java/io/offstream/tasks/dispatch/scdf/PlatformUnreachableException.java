package io.offstream.tasks.dispatch.scdf;

/** A region's SCDF did not answer (connection refused, timed out, or a 5xx with no launch). */
public class PlatformUnreachableException extends RuntimeException {

    public PlatformUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
