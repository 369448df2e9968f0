package io.offstream.dataflow.client;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows launched task executions until they end: the one "follow a child" loop of the composed
 * runner, the dispatcher and the tests. {@link #watch} gives a non-blocking {@link ChildWatch} for
 * callers that poll many children; {@link #awaitEnd} blocks on one.
 */
public final class ChildFollower {

    private static final Logger log = LoggerFactory.getLogger(ChildFollower.class);

    /** How often a wait wakes to look at the stop signal. */
    private static final long STOP_CHECK_MILLIS = 200;

    private final DataFlowOperations client;

    private final FollowSettings settings;

    public ChildFollower(DataFlowOperations client, FollowSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    public FollowSettings settings() {
        return settings;
    }

    /** A watch over one execution; {@code label} names it in messages, e.g. {@code child run1-plan}. */
    public ChildWatch watch(long executionId, String label) {
        return new ChildWatch(client, settings, executionId, label);
    }

    /**
     * Waits until the execution ends and returns its final state (whatever its exit code).
     *
     * @throws ChildLostException          its process is gone without an end, or the server recorded it lost
     * @throws ServerSilentException      the server gave no usable answer for longer than the silence limit
     * @throws FollowTimeoutException      not ended within {@code maxWait} (SCDF was asked to stop it)
     * @throws FollowStoppedException      {@code stopRequested} became true, or the thread was interrupted
     * @throws DataFlowRefusedException    a 4xx answer, e.g. SCDF has no such execution
     */
    public TaskExecutionState awaitEnd(long executionId, String label, BooleanSupplier stopRequested) {
        ChildWatch watch = watch(executionId, label);
        long started = System.nanoTime();
        long lastReport = started;
        while (true) {
            Observation seen = watch.check();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            switch (seen.kind()) {
                case ENDED:
                    log.info("{} (task execution {}) ended after {} s: {}", label, executionId, elapsed.toMillis() / 1000.0,
                            seen.detail());
                    return seen.state();
                case LOST:
                    throw new ChildLostException(label, executionId, seen.detail());
                case UNREACHABLE:
                    throw new ServerSilentException(seen.detail(), seen.silentFor(), settings.silenceLimit(), seen.lastError());
                default:
                    break;
            }
            if (!settings.waitsWithoutLimit() && elapsed.compareTo(settings.maxWait()) > 0) {
                stopQuietly(executionId, label);
                throw new FollowTimeoutException(label, executionId, settings.maxWait());
            }
            if (System.nanoTime() - lastReport >= settings.progressLogEvery().toNanos()) {
                lastReport = System.nanoTime();
                if (seen.kind() == Observation.Kind.SILENT) {
                    log.warn("{}: {}; will retry", label, seen.detail());
                }
                else {
                    log.info("{} (task execution {}) still running after {} s", label, executionId, elapsed.toSeconds());
                }
            }
            pause(stopRequested, label + " (task execution " + executionId + ") was running");
        }
    }

    /**
     * The answer of a call to SCDF, asked again each interval while the server gives none (no
     * answer or a 5xx), up to the silence limit; then {@link ServerSilentException}. A 4xx
     * is thrown at once.
     */
    public <T> T answered(String about, Supplier<T> call, BooleanSupplier stopRequested) {
        Long silentSince = null;
        while (true) {
            long asked = System.nanoTime();
            try {
                return call.get();
            }
            catch (DataFlowUnreachableException | DataFlowRefusedException e) {
                if (e instanceof DataFlowRefusedException refused && !refused.serverError()) {
                    throw refused;
                }
                silentSince = silentSince == null ? asked : silentSince;
                Duration silent = Duration.ofNanos(System.nanoTime() - silentSince);
                if (silent.compareTo(settings.silenceLimit()) > 0) {
                    throw new ServerSilentException("SCDF " + client.server() + " gave no usable answer about " + about
                            + " for " + silent.toSeconds() + " s (limit " + settings.silenceLimit().toSeconds() + " s): "
                            + e.getMessage(), silent, settings.silenceLimit(), e);
                }
                log.warn("SCDF {} gives no answer about {} ({} s so far), will retry: {}", client.server(), about,
                        silent.toSeconds(), e.getMessage());
            }
            pause(stopRequested, "SCDF did not answer about " + about);
        }
    }

    /** Sleeps one interval, waking early on a stop request. */
    public void pause(BooleanSupplier stopRequested, String doing) {
        long until = System.nanoTime() + settings.interval().toNanos();
        while (true) {
            if (stopRequested.getAsBoolean()) {
                throw new FollowStoppedException("Stopped while " + doing);
            }
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(STOP_CHECK_MILLIS, left / 1_000_000)));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FollowStoppedException("Interrupted while " + doing);
            }
        }
    }

    private void stopQuietly(long executionId, String label) {
        try {
            client.stop(executionId);
        }
        catch (DataFlowException e) {
            log.warn("Could not stop {} (task execution {}): {}", label, executionId, e.getMessage());
        }
    }
}
