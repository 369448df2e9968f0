package io.offstream.dataflow.client;

/**
 * An SCDF REST call that did not succeed. Callers catch one of the subclasses:
 * {@link DataFlowUnreachableException} (no answer), {@link DataFlowRefusedException} (an error
 * answer) and its {@link DataFlowNotFoundException} (404).
 */
public abstract class DataFlowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected DataFlowException(String message, Throwable cause) {
        super(message, cause);
    }
}
