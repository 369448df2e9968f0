package io.offstream.registry.scdf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One entry of SCDF 2.11.5's {@code GET /tasks/executions/current}, e.g.
 * {@code {"name":"region-a","type":"Local","maximumTaskExecutions":3,"runningExecutionCount":0,"links":[]}}:
 * {@code maximumTaskExecutions} is the account's {@code maximum-concurrent-tasks}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScdfPlatform(String name, String type, Integer maximumTaskExecutions, Integer runningExecutionCount) {
}
