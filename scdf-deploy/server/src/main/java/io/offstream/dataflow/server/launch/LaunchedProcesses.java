package io.offstream.dataflow.server.launch;

import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.cloud.dataflow.aggregate.task.AggregateTaskExplorer;
import org.springframework.cloud.dataflow.core.Launcher;
import org.springframework.cloud.dataflow.core.TaskDeployment;
import org.springframework.cloud.dataflow.core.TaskPlatformFactory;
import org.springframework.cloud.dataflow.schema.AggregateTaskExecution;
import org.springframework.cloud.dataflow.server.job.LauncherRepository;
import org.springframework.cloud.dataflow.server.repository.TaskDeploymentRepository;
import org.springframework.cloud.deployer.spi.task.LaunchState;
import org.springframework.stereotype.Component;

/**
 * A task execution's process as its platform's launcher sees it, beside what SCDF's task
 * repository says. A task killed without a chance to record its end (SIGKILL, a lost node, or
 * one launched before a server restart, which the local launcher no longer knows) keeps an
 * execution without an end time for ever; the launcher knows better. The local platform's launcher
 * knows only what this server instance launched: a task of a local platform that it does not know
 * as alive, and that has no end, is looked for among this host's processes
 * ({@link LocalTaskProcesses}) before it is said to be gone, so that a restart of the server does
 * not make its running tasks look lost (and launched again).
 */
@Component
public class LaunchedProcesses {

    private final AggregateTaskExplorer explorer;

    private final TaskDeploymentRepository deployments;

    private final LauncherRepository launchers;

    private final LocalTaskProcesses hostProcesses;

    public LaunchedProcesses(AggregateTaskExplorer explorer, TaskDeploymentRepository deployments, LauncherRepository launchers,
            LocalTaskProcesses hostProcesses) {
        this.explorer = explorer;
        this.deployments = deployments;
        this.launchers = launchers;
        this.hostProcesses = hostProcesses;
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
     * launcher reports its process as launching or running (on a local platform: or it runs on this host).
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
            return new ProcessStatus(execution.getExecutionId(), platform, external, ended, LaunchState.unknown.name(), ended,
                    ProcessStatus.REPOSITORY, null);
        }
        String state = launcher.getTaskLauncher().status(external).getState().name();
        if (!isAlive(state) && !ended && isLocal(launcher)) {
            // e.g. unknown: launched before this server started, by the server instance before it
            OptionalLong pid = hostProcesses.find(execution.getExecutionId(), external);
            if (pid.isPresent()) {
                return new ProcessStatus(execution.getExecutionId(), platform, external, false, LaunchState.running.name(), false,
                        ProcessStatus.HOST, pid.getAsLong());
            }
        }
        return new ProcessStatus(execution.getExecutionId(), platform, external, ended, state, !isAlive(state),
                ProcessStatus.LAUNCHER, null);
    }

    private static boolean isLocal(Launcher launcher) {
        return TaskPlatformFactory.LOCAL_PLATFORM_TYPE.equals(launcher.getType());
    }

    private static boolean isAlive(String state) {
        return LaunchState.launching.name().equals(state) || LaunchState.running.name().equals(state);
    }
}
