package io.offstream.dataflow.client;

/**
 * SCDF gave no answer: the connection was refused or broke, the request timed out, the token
 * endpoint could not be reached, or (from a follower) the server gave no usable answer for
 * longer than its limit. Waiting may cure it.
 */
public class DataFlowUnreachableException extends DataFlowException {

    private static final long serialVersionUID = 1L;

    public DataFlowUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
