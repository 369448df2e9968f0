package io.offstream.tasks.dispatch.supervise;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.offstream.dataflow.client.DataFlowOperations;
import io.offstream.dataflow.client.JobExecution;
import io.offstream.dataflow.client.LaunchRequest;
import io.offstream.dataflow.client.PlatformAccount;
import io.offstream.dataflow.client.ProcessState;
import io.offstream.dataflow.client.TaskDefinition;
import io.offstream.dataflow.client.TaskExecutionState;
import io.offstream.dataflow.client.TaskPlatform;

/**
 * A hand-written SCDF for orchestration tests: launches, execution states and process answers
 * come from scripts (the last entry of each repeats); launches and stops are recorded.
 */
final class FakeDataFlow implements DataFlowOperations {

    static final long CHILD_ID = 42;

    final List<LaunchRequest> launched = new CopyOnWriteArrayList<>();

    final List<Long> stopped = new CopyOnWriteArrayList<>();

    final AtomicInteger executionLooks = new AtomicInteger();

    private final Deque<Supplier<Long>> launches = new ArrayDeque<>();

    private final Deque<Supplier<TaskExecutionState>> executions = new ArrayDeque<>();

    private final Deque<Supplier<Optional<ProcessState>>> processes = new ArrayDeque<>();

    FakeDataFlow onLaunch(Supplier<Long> answer) {
        launches.add(answer);
        return this;
    }

    FakeDataFlow onExecution(Supplier<TaskExecutionState> answer) {
        executions.add(answer);
        return this;
    }

    FakeDataFlow onProcess(Supplier<Optional<ProcessState>> answer) {
        processes.add(answer);
        return this;
    }

    static TaskExecutionState running() {
        return new TaskExecutionState(CHILD_ID, false, null, null, null);
    }

    static TaskExecutionState ended(int exitCode) {
        return new TaskExecutionState(CHILD_ID, true, exitCode, exitCode == 0 ? "COMPLETED" : "FAILED", null);
    }

    @Override
    public URI server() {
        return URI.create("http://127.0.0.1:9393");
    }

    @Override
    public synchronized long launch(LaunchRequest request) {
        launched.add(request);
        return next(launches).get();
    }

    @Override
    public synchronized TaskExecutionState execution(long executionId) {
        executionLooks.incrementAndGet();
        return next(executions).get();
    }

    @Override
    public synchronized Optional<ProcessState> process(long executionId) {
        return processes.isEmpty() ? Optional.empty() : next(processes).get();
    }

    @Override
    public void stop(long executionId) {
        stopped.add(executionId);
    }

    @Override
    public List<TaskExecutionState> executions(String definitionName) {
        return List.of();
    }

    private static <T> T next(Deque<T> script) {
        if (script.isEmpty()) {
            throw new AssertionError("the test scripted no answer for this call");
        }
        return script.size() > 1 ? script.poll() : script.peek();
    }

    @Override
    public List<PlatformAccount> currentExecutions() {
        throw new UnsupportedOperationException("not used by the dispatcher");
    }

    @Override
    public Optional<TaskDefinition> definition(String name) {
        throw new UnsupportedOperationException("not used by the dispatcher");
    }

    @Override
    public void createDefinition(String name, String dsl, String description) {
        throw new UnsupportedOperationException("not used by the dispatcher");
    }

    @Override
    public void destroyDefinition(String name) {
        throw new UnsupportedOperationException("not used by the dispatcher");
    }

    @Override
    public void registerTaskApp(String name, URI uri) {
        throw new UnsupportedOperationException("not used by the dispatcher");
    }

    @Override
    public void registerStreamApp(String type, String name, URI uri) {
        throw new UnsupportedOperationException("not used by the dispatcher");
    }

    @Override
    public List<TaskPlatform> platforms() {
        throw new UnsupportedOperationException("not used by the dispatcher");
    }

    @Override
    public List<JobExecution> jobExecutions(long taskExecutionId) {
        throw new UnsupportedOperationException("not used by the dispatcher");
    }

    @Override
    public void restartJob(long jobExecutionId) {
        throw new UnsupportedOperationException("not used by the dispatcher");
    }
}
