package io.offstream.testsupport.dataflow;

/** An SCDF REST call that did not succeed; carries the HTTP status (-1 when none came back). */
public class DataFlowException extends RuntimeException {

    private final int status;

    public DataFlowException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
