package io.offstream.dataflow.server.launch;

import org.springframework.cloud.dataflow.aggregate.task.AggregateTaskExplorer;
import org.springframework.cloud.dataflow.core.Launcher;
import org.springframework.cloud.dataflow.core.TaskDeployment;
import org.springframework.cloud.dataflow.schema.AggregateTaskExecution;
import org.springframework.cloud.dataflow.server.job.LauncherRepository;
import org.springframework.cloud.dataflow.server.repository.TaskDeploymentRepository;
import org.springframework.cloud.deployer.spi.task.LaunchState;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /offstream/tasks/executions/{id}/process}: the task execution's process as its
 * platform's launcher sees it. The multi-region dispatcher uses it to tell a child that is still
 * running from one whose process died without recording an end.
 */
@RestController
public class ProcessStatusController {

    private final AggregateTaskExplorer explorer;

    private final TaskDeploymentRepository deployments;

    private final LauncherRepository launchers;

    public ProcessStatusController(AggregateTaskExplorer explorer, TaskDeploymentRepository deployments,
            LauncherRepository launchers) {
        this.explorer = explorer;
        this.deployments = deployments;
        this.launchers = launchers;
    }

    @GetMapping("/offstream/tasks/executions/{id}/process")
    public ProcessStatus process(@PathVariable long id, @RequestParam(defaultValue = "boot2") String schemaTarget) {
        AggregateTaskExecution execution = explorer.getTaskExecution(id, schemaTarget);
        if (execution == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No task execution " + id + " (schema target " + schemaTarget + ")");
        }
        boolean ended = execution.getEndTime() != null;
        String external = execution.getExternalExecutionId();
        TaskDeployment deployment = external == null ? null : deployments.findByTaskDeploymentId(external);
        String platform = deployment != null ? deployment.getPlatformName() : execution.getPlatformName();
        Launcher launcher = platform == null ? null : launchers.findByName(platform);
        if (external == null || launcher == null || launcher.getTaskLauncher() == null) {
            return new ProcessStatus(id, platform, external, ended, LaunchState.unknown.name(), ended);
        }
        LaunchState state = launcher.getTaskLauncher().status(external).getState();
        boolean gone = state != LaunchState.launching && state != LaunchState.running;
        return new ProcessStatus(id, platform, external, ended, state.name(), gone);
    }
}
