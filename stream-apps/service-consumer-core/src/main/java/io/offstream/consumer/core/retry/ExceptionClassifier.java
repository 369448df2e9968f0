package io.offstream.consumer.core.retry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Tells transient failures (retried with backoff) from permanent ones (sent to the DLQ at once).
 * An exception is transient when it, or any of its causes, is an instance of one of the configured
 * class names (matched along the class hierarchy by name, so the classes need not be loadable here).
 */
public final class ExceptionClassifier {

    /**
     * What is transient unless configured otherwise: I/O (connection resets, socket timeouts), timeouts,
     * a database's transient and recoverable errors (JDBC's and Spring's) and the service's own signal.
     */
    public static final List<String> DEFAULT_TRANSIENT = List.of(
            "java.io.IOException",
            "java.util.concurrent.TimeoutException",
            "java.sql.SQLTransientException",
            "java.sql.SQLRecoverableException",
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.RecoverableDataAccessException",
            TransientServiceException.class.getName());

    private final Set<String> transientTypes;

    public ExceptionClassifier(List<String> transientTypes) {
        this.transientTypes = Set.copyOf(new LinkedHashSet<>(transientTypes));
    }

    public static ExceptionClassifier defaults() {
        return new ExceptionClassifier(DEFAULT_TRANSIENT);
    }

    public boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (transientTypes.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The failure itself, without the wrappers futures add. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
