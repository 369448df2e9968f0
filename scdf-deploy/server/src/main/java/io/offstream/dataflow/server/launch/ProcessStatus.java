package io.offstream.dataflow.server.launch;

/**
 * A task execution and its process as the platform's launcher reports it.
 *
 * @param ended whether SCDF's task repository has an end time for the execution
 * @param state the launcher's state of the process: {@code launching}, {@code running},
 *              {@code complete}, {@code failed}, {@code error}, {@code cancelled} or
 *              {@code unknown} (the launcher does not know it, e.g. launched before a restart)
 * @param processGone the process is no longer launching or running
 */
public record ProcessStatus(long executionId, String platformName, String externalExecutionId, boolean ended,
        String state, boolean processGone) {
}
