package io.offstream.dataflow.server.schedule;

import org.springframework.cloud.dataflow.aggregate.task.AggregateTaskExplorer;
import org.springframework.cloud.dataflow.core.Launcher;
import org.springframework.cloud.dataflow.schema.AggregateTaskExecution;
import org.springframework.cloud.dataflow.server.job.LauncherRepository;
import org.springframework.cloud.deployer.spi.task.LaunchState;

/**
 * Whether a task execution a schedule launched is still running, for the concurrency policy.
 *
 * <p>Running means both: SCDF's task repository has no end time for it, and the platform's
 * launcher still reports its process as launching or running. The second condition keeps a
 * schedule from being blocked for ever by an execution that will never get an end time (a task
 * killed without a chance to record one, or one launched before a server restart, which the
 * local launcher no longer knows: such a run is not counted as running).
 */
public class RunningExecutions {

    private final AggregateTaskExplorer explorer;

    private final LauncherRepository launchers;

    public RunningExecutions(AggregateTaskExplorer explorer, LauncherRepository launchers) {
        this.explorer = explorer;
        this.launchers = launchers;
    }

    public boolean isRunning(String platform, long executionId, String schemaTarget) {
        AggregateTaskExecution execution = explorer.getTaskExecution(executionId, schemaTarget);
        if (execution == null || execution.getEndTime() != null || execution.getExternalExecutionId() == null) {
            return false;
        }
        Launcher launcher = launchers.findByName(platform);
        if (launcher == null || launcher.getTaskLauncher() == null) {
            return false;
        }
        LaunchState state = launcher.getTaskLauncher().status(execution.getExternalExecutionId()).getState();
        return state == LaunchState.launching || state == LaunchState.running;
    }
}
