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

    /** The root cause of the last error ("java.net.ConnectException ...") or its message, cut short: for one-line reports. */
    public String lastErrorReason() {
        Throwable root = lastError;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root == lastError ? lastError.getMessage() : root.toString();
        return reason.length() > 200 ? reason.substring(0, 200) + "..." : reason;
    }
}
