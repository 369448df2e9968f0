package io.offstream.dataflow.server.launch;

import java.util.Optional;

import org.springframework.cloud.dataflow.aggregate.task.AggregateTaskExplorer;
import org.springframework.cloud.dataflow.core.Launcher;
import org.springframework.cloud.dataflow.core.TaskDeployment;
import org.springframework.cloud.dataflow.schema.AggregateTaskExecution;
import org.springframework.cloud.dataflow.server.job.LauncherRepository;
import org.springframework.cloud.dataflow.server.repository.TaskDeploymentRepository;
import org.springframework.cloud.deployer.spi.task.LaunchState;
import org.springframework.stereotype.Component;

/**
 * A task execution's process as its platform's launcher sees it, beside what SCDF's task
 * repository says. A task killed without a chance to record its end (SIGKILL, a lost node, or
 * one launched before a server restart, which the local launcher no longer knows) keeps an
 * execution without an end time for ever; the launcher knows better.
 */
@Component
public class LaunchedProcesses {

    private final AggregateTaskExplorer explorer;

    private final TaskDeploymentRepository deployments;

    private final LauncherRepository launchers;

    public LaunchedProcesses(AggregateTaskExplorer explorer, TaskDeploymentRepository deployments, LauncherRepository launchers) {
        this.explorer = explorer;
        this.deployments = deployments;
        this.launchers = launchers;
    }

    /** The execution and its process; empty when SCDF has no such execution. The platform is the one it was launched on. */
    public Optional<ProcessStatus> status(long executionId, String schemaTarget) {
        AggregateTaskExecution execution = explorer.getTaskExecution(executionId, schemaTarget);
        if (execution == null) {
            return Optional.empty();
        }
        String external = execution.getExternalExecutionId();
        TaskDeployment deployment = external == null ? null : deployments.findByTaskDeploymentId(external);
        String platform = deployment != null ? deployment.getPlatformName() : execution.getPlatformName();
        return Optional.of(statusOf(execution, platform));
    }

    /**
     * Whether an execution on {@code platform} still runs: SCDF has no end time for it, and the
     * launcher reports its process as launching or running.
     */
    public boolean isRunning(String platform, long executionId, String schemaTarget) {
        AggregateTaskExecution execution = explorer.getTaskExecution(executionId, schemaTarget);
        if (execution == null) {
            return false;
        }
        ProcessStatus status = statusOf(execution, platform);
        return !status.ended() && isAlive(status.state());
    }

    private ProcessStatus statusOf(AggregateTaskExecution execution, String platform) {
        boolean ended = execution.getEndTime() != null;
        String external = execution.getExternalExecutionId();
        Launcher launcher = platform == null ? null : launchers.findByName(platform);
        if (external == null || launcher == null || launcher.getTaskLauncher() == null) {
            // nothing to ask: the process is gone only if its end was recorded
            return new ProcessStatus(execution.getExecutionId(), platform, external, ended, LaunchState.unknown.name(), ended);
        }
        LaunchState state = launcher.getTaskLauncher().status(external).getState();
        return new ProcessStatus(execution.getExecutionId(), platform, external, ended, state.name(), !isAlive(state.name()));
    }

    private static boolean isAlive(String state) {
        return LaunchState.launching.name().equals(state) || LaunchState.running.name().equals(state);
    }
}
