package io.offstream.dataflow.server.launch;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.dataflow.aggregate.task.AggregateTaskExplorer;
import org.springframework.cloud.dataflow.core.Launcher;
import org.springframework.cloud.dataflow.schema.AggregateTaskExecution;
import org.springframework.cloud.dataflow.server.job.LauncherRepository;
import org.springframework.cloud.dataflow.server.repository.TaskDeploymentRepository;
import org.springframework.cloud.deployer.spi.task.LaunchState;
import org.springframework.cloud.deployer.spi.task.TaskLauncher;
import org.springframework.cloud.deployer.spi.task.TaskStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** What the launcher says, and on a local platform what the host says when the launcher does not know the process alive. */
class LaunchedProcessesTests {

    private static final long EXECUTION = 12;

    private static final String LAUNCH_ID = "offstream-run-6f1c";

    private final AggregateTaskExplorer explorer = mock(AggregateTaskExplorer.class);

    private final LauncherRepository launchers = mock(LauncherRepository.class);

    private final TaskLauncher taskLauncher = mock(TaskLauncher.class);

    private final AggregateTaskExecution execution = mock(AggregateTaskExecution.class);

    private final Map<Long, Long> hostPids = new HashMap<>();

    private final LaunchedProcesses processes = new LaunchedProcesses(explorer, mock(TaskDeploymentRepository.class), launchers,
            new LocalTaskProcesses() {
                @Override
                public OptionalLong find(long executionId, String externalExecutionId) {
                    Long pid = LAUNCH_ID.equals(externalExecutionId) ? hostPids.get(executionId) : null;
                    return pid == null ? OptionalLong.empty() : OptionalLong.of(pid);
                }
            });

    @Test
    void aLocalTaskTheLauncherDoesNotKnowRunsWhileItsProcessLivesOnTheHost() {
        execution(null);
        platform("region-a", "Local", LaunchState.unknown);
        hostPids.put(EXECUTION, 4711L);

        assertThat(processes.status(EXECUTION, "boot2")).hasValue(
                new ProcessStatus(EXECUTION, "region-a", LAUNCH_ID, false, "running", false, ProcessStatus.HOST, 4711L));
        assertThat(processes.isRunning("region-a", EXECUTION, "boot2")).isTrue();
    }

    @Test
    void aLocalTaskTheLauncherDoesNotKnowAndTheHostHasNotIsGone() {
        execution(null);
        platform("region-a", "Local", LaunchState.unknown);

        assertThat(processes.status(EXECUTION, "boot2")).hasValue(
                new ProcessStatus(EXECUTION, "region-a", LAUNCH_ID, false, "unknown", true, ProcessStatus.LAUNCHER, null));
        assertThat(processes.isRunning("region-a", EXECUTION, "boot2")).isFalse();
    }

    @Test
    void anEndedTaskIsNotLookedForOnTheHost() {
        execution(new Date());
        platform("region-a", "Local", LaunchState.unknown);
        hostPids.put(EXECUTION, 4711L);

        assertThat(processes.status(EXECUTION, "boot2")).get()
                .satisfies(status -> assertThat(status.processGone()).isTrue())
                .satisfies(status -> assertThat(status.source()).isEqualTo(ProcessStatus.LAUNCHER));
        assertThat(processes.isRunning("region-a", EXECUTION, "boot2")).isFalse();
    }

    @Test
    void aTaskOfAnotherPlatformIsNotLookedForOnTheHost() {
        execution(null);
        platform("k8s", "Kubernetes", LaunchState.unknown);
        hostPids.put(EXECUTION, 4711L);

        assertThat(processes.status(EXECUTION, "boot2")).get()
                .satisfies(status -> assertThat(status.state()).isEqualTo("unknown"))
                .satisfies(status -> assertThat(status.processGone()).isTrue());
    }

    @Test
    void whatTheLauncherKnowsAliveIsReportedAsItSaysIt() {
        execution(null);
        platform("region-a", "Local", LaunchState.launching);

        assertThat(processes.status(EXECUTION, "boot2")).hasValue(
                new ProcessStatus(EXECUTION, "region-a", LAUNCH_ID, false, "launching", false, ProcessStatus.LAUNCHER, null));
    }

    /** The execution as SCDF's task repository has it; with {@code endTime} when its end was recorded. */
    private void execution(Date endTime) {
        when(execution.getExecutionId()).thenReturn(EXECUTION);
        when(execution.getExternalExecutionId()).thenReturn(LAUNCH_ID);
        when(execution.getEndTime()).thenReturn(endTime);
        when(explorer.getTaskExecution(eq(EXECUTION), anyString())).thenReturn(execution);
    }

    /** The platform account the execution was launched on, and what its launcher says of the launch. */
    private void platform(String account, String type, LaunchState state) {
        when(launchers.findByName(account)).thenReturn(new Launcher(account, type, taskLauncher));
        when(taskLauncher.status(any())).thenReturn(new TaskStatus(LAUNCH_ID, state, Map.of()));
        when(execution.getPlatformName()).thenReturn(account);
    }
}
