package io.offstream.dataflow.client;

/**
 * What Offstream's SCDF server says of a task execution's process
 * ({@code GET /offstream/tasks/executions/{id}/process}).
 *
 * @param ended       SCDF has an end time for the execution
 * @param state       the launcher's state of the process ({@code running}, {@code failed}, {@code unknown}, ...)
 * @param processGone the process no longer runs
 */
public record ProcessState(long executionId, boolean ended, String state, boolean processGone) {

    /** Killed outright (SIGKILL, the OOM killer): gone, and it never recorded its end. */
    public boolean goneWithoutEnd() {
        return processGone && !ended;
    }
}
