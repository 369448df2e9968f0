package io.offstream.dataflow.client;

import java.time.Duration;

/** A follower's server gave no usable answer (none, or a 5xx) for longer than its silence limit. */
public class ServerSilentException extends DataFlowUnreachableException {

    private static final long serialVersionUID = 1L;

    private final Duration silentFor;

    private final Duration limit;

    private final DataFlowException lastError;

    public ServerSilentException(String message, Duration silentFor, Duration limit, DataFlowException lastError) {
        super(message, lastError);
        this.silentFor = silentFor;
        this.limit = limit;
        this.lastError = lastError;
    }

    public Duration silentFor() {
        return silentFor;
    }

    public Duration limit() {
        return limit;
    }

    public DataFlowException lastError() {
        return lastError;
    }

    /**
     * What the last error was, for one-line reports: the I/O error the client caught and its root
     * cause ({@code java.net.ConnectException <- java.nio.channels.ClosedChannelException}), or
     * the message of an error answer; cut short.
     */
    public String lastErrorReason() {
        Throwable caught = lastError.getCause();
        if (caught == null) {
            return cut(lastError.getMessage());
        }
        Throwable root = caught;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return cut(root == caught ? caught.toString() : caught + " <- " + root);
    }

    private static String cut(String reason) {
        return reason.length() > 200 ? reason.substring(0, 200) + "..." : reason;
    }
}
