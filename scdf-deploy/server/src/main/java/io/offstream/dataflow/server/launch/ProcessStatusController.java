package io.offstream.dataflow.server.launch;

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

    private final LaunchedProcesses processes;

    public ProcessStatusController(LaunchedProcesses processes) {
        this.processes = processes;
    }

    @GetMapping("/offstream/tasks/executions/{id}/process")
    public ProcessStatus process(@PathVariable long id, @RequestParam(defaultValue = "boot2") String schemaTarget) {
        return processes.status(id, schemaTarget).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No task execution " + id + " (schema target " + schemaTarget + ")"));
    }
}
