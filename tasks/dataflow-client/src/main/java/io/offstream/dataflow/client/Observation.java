package io.offstream.dataflow.client;

import java.time.Duration;

/**
 * What one look at a followed task execution found ({@link ChildWatch#check()}).
 *
 * @param state     the execution as SCDF reported it (null when it did not answer)
 * @param silentFor how long the server has given no usable answer (zero when it answered)
 * @param detail    for LOST the launcher's state of the process (or what the server recorded); for SILENT and
 *                  UNREACHABLE what went wrong, in words; else a short description
 * @param lastError for SILENT and UNREACHABLE the error of the last look, else null
 */
public record Observation(Kind kind, TaskExecutionState state, Duration silentFor, String detail, DataFlowException lastError) {

    public enum Kind {
        /** It runs (or its process is gone but the grace is not over). */
        RUNNING,
        /** It has an end time; {@link #state()} says how it ended. */
        ENDED,
        /** Its process is gone and no end was recorded for the grace, or the server recorded it LOST. */
        LOST,
        /** The server gave no usable answer, for less than the silence limit. */
        SILENT,
        /** The server gave no usable answer for longer than the silence limit. */
        UNREACHABLE
    }
}
