package io.offstream.dataflow.client;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One followed task execution, looked at one poll at a time ({@link #check()}), so a caller that
 * follows many children in one loop (the dispatcher) and one that blocks on a single child (the
 * composed runner, through {@link ChildFollower#awaitEnd}) share the same rules:
 * <ul>
 * <li>an end time ends it; an end the server recorded as LOST is {@code LOST};</li>
 * <li>a task killed outright never records its end, so while it has none the process endpoint is
 *     asked; gone for {@code lostProcessGrace} with still no end is {@code LOST} (a server that
 *     does not say leaves it followed as before);</li>
 * <li>no answer, or a 5xx, is silence: {@code SILENT}, then {@code UNREACHABLE} past
 *     {@code silenceLimit}; any answer resets it. A 4xx is an answer waiting does not change: thrown.</li>
 * </ul>
 */
public final class ChildWatch {

    private static final Logger log = LoggerFactory.getLogger(ChildWatch.class);

    private final DataFlowOperations client;

    private final FollowSettings settings;

    private final long executionId;

    private final String label;

    /** System.nanoTime() of the first unanswered request of the current silence; null while the server answers. */
    private Long silentSince;

    /** System.nanoTime() when the process was first seen gone with no end, without a break since; null while it is not. */
    private Long goneSince;

    ChildWatch(DataFlowOperations client, FollowSettings settings, long executionId, String label) {
        this.client = client;
        this.settings = settings;
        this.executionId = executionId;
        this.label = label;
    }

    public long executionId() {
        return executionId;
    }

    public String label() {
        return label;
    }

    /** One look. Throws {@link DataFlowRefusedException} for a 4xx answer (e.g. SCDF has no such execution). */
    public Observation check() {
        long asked = System.nanoTime();
        TaskExecutionState state;
        try {
            state = client.execution(executionId);
        }
        catch (DataFlowUnreachableException | DataFlowRefusedException e) {
            return silence(asked, e);
        }
        silentSince = null;
        if (state.recordedLost()) {
            return new Observation(Observation.Kind.LOST, state, Duration.ZERO, "gone; the server recorded it " + state.exitMessage(), null);
        }
        if (state.ended()) {
            goneSince = null;
            return new Observation(Observation.Kind.ENDED, state, Duration.ZERO, state.describe(), null);
        }
        return processCheck(state);
    }

    private Observation silence(long asked, DataFlowException e) {
        if (e instanceof DataFlowRefusedException refused && !refused.serverError()) {
            throw refused;
        }
        if (silentSince == null) {
            silentSince = asked;
        }
        Duration silent = Duration.ofNanos(System.nanoTime() - silentSince);
        Observation.Kind kind = silent.compareTo(settings.silenceLimit()) > 0 ? Observation.Kind.UNREACHABLE : Observation.Kind.SILENT;
        return new Observation(kind, null, silent, "SCDF " + client.server() + " gave no usable answer about " + label
                + " for " + silent.toSeconds() + " s (limit " + settings.silenceLimit().toSeconds() + " s): " + e.getMessage(), e);
    }

    private Observation processCheck(TaskExecutionState state) {
        Optional<ProcessState> process;
        try {
            process = client.process(executionId);
        }
        catch (DataFlowException notSaid) {
            // the process endpoint is a second opinion: when it cannot answer, the child is followed as before
            process = Optional.empty();
        }
        if (process.isEmpty() || !process.get().goneWithoutEnd()) {
            goneSince = null;
            return new Observation(Observation.Kind.RUNNING, state, Duration.ZERO, "running", null);
        }
        if (goneSince == null) {
            goneSince = System.nanoTime();
            log.info("{}: its process is gone (launcher state {}) but no end is recorded; it counts as lost if none is "
                    + "within {} s", label, process.get().state(), settings.lostProcessGrace().toMillis() / 1000.0);
        }
        if (System.nanoTime() - goneSince >= settings.lostProcessGrace().toNanos()) {
            return new Observation(Observation.Kind.LOST, state, Duration.ZERO, process.get().state(), null);
        }
        return new Observation(Observation.Kind.RUNNING, state, Duration.ZERO, "process gone, waiting for its end", null);
    }
}
