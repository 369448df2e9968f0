package io.offstream.dataflow.client;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;


/**
 * A hand-written SCDF for the tests of the follower, the runner, the dispatcher and the registry
 * (shared through this module's test jar): launches, execution states, process answers and current
 * executions come from scripts (the last entry of each repeats); launches and stops are recorded.
 */
public final class FakeDataFlow implements DataFlowOperations {

    public static final long CHILD_ID = 42;

    public final List<LaunchRequest> launched = new CopyOnWriteArrayList<>();

    public final List<Long> stopped = new CopyOnWriteArrayList<>();

    public final AtomicInteger executionLooks = new AtomicInteger();

    private final Deque<Supplier<Long>> launches = new ArrayDeque<>();

    private final Deque<Supplier<TaskExecutionState>> executions = new ArrayDeque<>();

    private final Deque<Supplier<Optional<ProcessState>>> processes = new ArrayDeque<>();

    private final Deque<Supplier<List<PlatformAccount>>> currentExecutions = new ArrayDeque<>();

    public final AtomicInteger currentExecutionLooks = new AtomicInteger();

    public FakeDataFlow onLaunch(Supplier<Long> answer) {
        launches.add(answer);
        return this;
    }

    public FakeDataFlow onExecution(Supplier<TaskExecutionState> answer) {
        executions.add(answer);
        return this;
    }

    public FakeDataFlow onProcess(Supplier<Optional<ProcessState>> answer) {
        processes.add(answer);
        return this;
    }

    public FakeDataFlow onCurrentExecutions(Supplier<List<PlatformAccount>> answer) {
        currentExecutions.add(answer);
        return this;
    }

    public static TaskExecutionState running(long executionId) {
        return new TaskExecutionState(executionId, false, null, null, null);
    }

    public static TaskExecutionState ended(long executionId, int exitCode, String exitMessage) {
        return new TaskExecutionState(executionId, true, exitCode, exitMessage, null);
    }

    public static TaskExecutionState running() {
        return new TaskExecutionState(CHILD_ID, false, null, null, null);
    }

    public static TaskExecutionState ended(int exitCode) {
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
    public synchronized List<PlatformAccount> currentExecutions() {
        currentExecutionLooks.incrementAndGet();
        return next(currentExecutions).get();
    }

    @Override
    public Optional<TaskDefinition> definition(String name) {
        throw new UnsupportedOperationException("not scripted in this fake");
    }

    @Override
    public void createDefinition(String name, String dsl, String description) {
        throw new UnsupportedOperationException("not scripted in this fake");
    }

    @Override
    public void destroyDefinition(String name) {
        throw new UnsupportedOperationException("not scripted in this fake");
    }

    @Override
    public void registerTaskApp(String name, URI uri) {
        throw new UnsupportedOperationException("not scripted in this fake");
    }

    @Override
    public void registerStreamApp(String type, String name, URI uri) {
        throw new UnsupportedOperationException("not scripted in this fake");
    }

    @Override
    public List<TaskPlatform> platforms() {
        throw new UnsupportedOperationException("not scripted in this fake");
    }

    @Override
    public List<JobExecution> jobExecutions(long taskExecutionId) {
        throw new UnsupportedOperationException("not scripted in this fake");
    }

    @Override
    public void restartJob(long jobExecutionId) {
        throw new UnsupportedOperationException("not scripted in this fake");
    }
}
