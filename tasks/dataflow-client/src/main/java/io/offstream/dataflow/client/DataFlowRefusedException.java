package io.offstream.dataflow.client;

/**
 * SCDF answered with an error status. {@link #scdfMessage()} is the first message of SCDF's error
 * body ({@code _embedded.errors[0].message}), or the body itself when it has none.
 */
public class DataFlowRefusedException extends DataFlowException {

    private static final long serialVersionUID = 1L;

    /** What SCDF says when a platform account runs its {@code maximum-concurrent-tasks}. */
    public static final String PLATFORM_FULL_MESSAGE = "maximum concurrent task executions";

    private final int status;

    private final String scdfMessage;

    public DataFlowRefusedException(String message, int status, String scdfMessage) {
        super(message, null);
        this.status = status;
        this.scdfMessage = scdfMessage;
    }

    /** The HTTP status SCDF answered. */
    public int status() {
        return status;
    }

    public String scdfMessage() {
        return scdfMessage;
    }

    /**
     * Refused only because the platform account runs as many tasks as it may: a wait, not a
     * failure (a task that ended frees its slot once its process has exited).
     */
    public boolean platformFull() {
        return scdfMessage != null && scdfMessage.contains(PLATFORM_FULL_MESSAGE);
    }

    /** A 5xx: the server failed to answer rather than refused the request; asking again may succeed. */
    public boolean serverError() {
        return status >= 500;
    }
}
