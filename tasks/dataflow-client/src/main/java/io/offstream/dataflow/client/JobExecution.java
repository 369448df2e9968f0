package io.offstream.dataflow.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Spring Batch job execution as SCDF reports it ({@code GET /jobs/executions/{id}}), with the
 * whole resource for whatever else a caller (a test) wants to read.
 */
public record JobExecution(long executionId, String name, long taskExecutionId, String status, boolean restartable,
        JsonNode resource) {
}
