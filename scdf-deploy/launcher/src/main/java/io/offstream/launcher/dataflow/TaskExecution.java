package io.offstream.launcher.dataflow;

import java.util.OptionalLong;

/**
 * One SCDF task execution as the launcher follows it.
 *
 * @param exitCode null until the execution has ended (SCDF reports none before)
 * @param parentExecutionId the composed runner that launched it, if any
 */
public record TaskExecution(long executionId, String taskName, boolean ended, Integer exitCode, String exitMessage,
        OptionalLong parentExecutionId) {

    /** Ended with exit code 0. */
    public boolean succeeded() {
        return ended && exitCode != null && exitCode == 0;
    }

    /** Ended, or at least recorded, with an exit code other than 0 (what run-demo.sh names as failed). */
    public boolean failed() {
        return exitCode != null && exitCode != 0;
    }
}
