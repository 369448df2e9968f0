package io.offstream.consumer.app.function;

/** The service's function cannot be loaded or does not fit its catalogue entry; the message says what to fix, on one line. */
public class FunctionJarException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public FunctionJarException(String message) {
        super(message);
    }

    public FunctionJarException(String message, Throwable cause) {
        super(message, cause);
    }
}
