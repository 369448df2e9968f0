package io.offstream.dataflow.client;

/**
 * One task platform account of {@code GET /tasks/executions/current}: its
 * {@code maximum-concurrent-tasks} and how many of its tasks run now.
 */
public record PlatformAccount(String name, String type, int maximumTaskExecutions, int runningExecutionCount) {

    public int headroom() {
        return Math.max(0, maximumTaskExecutions - runningExecutionCount);
    }
}
