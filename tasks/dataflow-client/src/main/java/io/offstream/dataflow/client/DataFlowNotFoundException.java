package io.offstream.dataflow.client;

/** SCDF answered 404: no such task execution, definition, app or job execution. */
public class DataFlowNotFoundException extends DataFlowRefusedException {

    private static final long serialVersionUID = 1L;

    public DataFlowNotFoundException(String message, String scdfMessage) {
        super(message, 404, scdfMessage);
    }
}
