package io.offstream.dataflow.client;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A hand-written fake: answers execution and process look-ups from scripts (the last one repeats), records stops. */
final class ScriptedDataFlow implements DataFlowOperations {

    private final Deque<Supplier<TaskExecutionState>> executions = new ArrayDeque<>();

    private final Deque<Supplier<Optional<ProcessState>>> processes = new ArrayDeque<>();

    final List<Long> stopped = new ArrayList<>();

    ScriptedDataFlow thenExecution(Supplier<TaskExecutionState> answer) {
        executions.add(answer);
        return this;
    }

    ScriptedDataFlow thenProcess(Supplier<Optional<ProcessState>> answer) {
        processes.add(answer);
        return this;
    }

    static TaskExecutionState running(long id) {
        return new TaskExecutionState(id, false, null, null, null);
    }

    static TaskExecutionState ended(long id, int exitCode, String exitMessage) {
        return new TaskExecutionState(id, true, exitCode, exitMessage, null);
    }

    @Override
    public URI server() {
        return URI.create("http://127.0.0.1:9393");
    }

    @Override
    public TaskExecutionState execution(long executionId) {
        return next(executions).get();
    }

    @Override
    public Optional<ProcessState> process(long executionId) {
        return processes.isEmpty() ? Optional.empty() : next(processes).get();
    }

    @Override
    public void stop(long executionId) {
        stopped.add(executionId);
    }

    private static <T> T next(Deque<T> script) {
        return script.size() > 1 ? script.poll() : script.peek();
    }

    @Override
    public long launch(LaunchRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<TaskExecutionState> executions(String definitionName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PlatformAccount> currentExecutions() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<TaskDefinition> definition(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void createDefinition(String name, String dsl, String description) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void destroyDefinition(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerTaskApp(String name, URI uri) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerStreamApp(String type, String name, URI uri) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<TaskPlatform> platforms() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<JobExecution> jobExecutions(long taskExecutionId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void restartJob(long jobExecutionId) {
        throw new UnsupportedOperationException();
    }
}
