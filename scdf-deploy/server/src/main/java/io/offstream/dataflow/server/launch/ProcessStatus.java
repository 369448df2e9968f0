package io.offstream.dataflow.server.launch;

/**
 * A task execution and its process as the platform's launcher reports it, or as found on the
 * SCDF server's host when the local launcher no longer knows it.
 *
 * @param ended whether SCDF's task repository has an end time for the execution
 * @param state the state of the process: {@code launching}, {@code running},
 *              {@code complete}, {@code failed}, {@code error}, {@code cancelled} or
 *              {@code unknown} (the launcher does not know it, e.g. launched before a restart,
 *              and it was not found on the host)
 * @param processGone the process is no longer launching or running
 * @param source where {@code state} comes from: {@link #LAUNCHER}, {@link #HOST} (a local
 *               platform's launcher did not know the process as alive, and it was found running on
 *               the server's host), or {@link #REPOSITORY} (no launcher or launch id to ask: the
 *               process is gone only if its end was recorded)
 * @param hostPid the process's id on the server's host when {@code source} is {@link #HOST}, else {@code null}
 */
public record ProcessStatus(long executionId, String platformName, String externalExecutionId, boolean ended,
        String state, boolean processGone, String source, Long hostPid) {

    public static final String LAUNCHER = "launcher";

    public static final String HOST = "host";

    public static final String REPOSITORY = "repository";
}
