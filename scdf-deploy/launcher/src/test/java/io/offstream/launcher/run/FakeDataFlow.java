package io.offstream.launcher.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.offstream.dataflow.client.TaskExecutionState;
import io.offstream.launcher.LauncherException;
import io.offstream.launcher.dataflow.DataFlow;
import io.offstream.launcher.dataflow.DataFlowUnavailableException;

/** A hand-written SCDF for tests: each poll takes the next scripted answer (the last one repeats). */
final class FakeDataFlow implements DataFlow {

    record Launch(String name, Map<String, String> properties, List<String> arguments) {
    }

    final Set<String> definitions = new HashSet<>();

    final List<String> created = new ArrayList<>();

    final List<Launch> launches = new ArrayList<>();

    private final Map<Long, Deque<Supplier<TaskExecutionState>>> executions = new HashMap<>();

    private final Deque<List<ChildOf>> recent = new ArrayDeque<>();

    private final Deque<String> progress = new ArrayDeque<>();

    private final ObjectMapper json = new ObjectMapper();

    private long nextId = 1;

    boolean refuseCreate;

    FakeDataFlow definitions(String... names) {
        definitions.addAll(List.of(names));
        return this;
    }

    /** The answers to polls of one execution, in order. */
    @SafeVarargs
    final FakeDataFlow execution(long id, Supplier<TaskExecutionState>... answers) {
        executions.computeIfAbsent(id, k -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    FakeDataFlow recent(List<ChildOf> page) {
        recent.add(page);
        return this;
    }

    /** Progress JSON answers in order; null: no progress yet. */
    FakeDataFlow progress(String... answers) {
        for (String answer : answers) {
            progress.add(answer == null ? "" : answer);
        }
        return this;
    }

    static Supplier<TaskExecutionState> running(long id, String name) {
        return () -> new TaskExecutionState(id, name, false, null, null, null, List.of(), List.of());
    }

    static Supplier<TaskExecutionState> ended(long id, String name, int exitCode) {
        return () -> new TaskExecutionState(id, name, true, exitCode, null, null, List.of(), List.of());
    }

    static Supplier<TaskExecutionState> unanswered() {
        return () -> {
            throw new DataFlowUnavailableException("the SCDF server did not answer");
        };
    }

    /** A task of runner {@code parent}: {@link #children} answers only a runner's own. */
    static ChildOf child(long id, String name, long parent, Integer exitCode, String message) {
        return new ChildOf(parent, new TaskExecutionState(id, name, exitCode != null, exitCode, message, null, List.of(), List.of()));
    }

    record ChildOf(long parent, TaskExecutionState state) {
    }

    @Override
    public boolean definitionExists(String name) {
        return definitions.contains(name);
    }

    @Override
    public void createDefinition(String name, String dsl) {
        if (refuseCreate) {
            throw new LauncherException("creating task definition " + name + " failed: refused");
        }
        created.add(name + "=" + dsl);
        definitions.add(name);
    }

    @Override
    public long launch(String name, Map<String, String> properties, List<String> arguments) {
        launches.add(new Launch(name, Map.copyOf(properties), List.copyOf(arguments)));
        return nextId++;
    }

    @Override
    public TaskExecutionState execution(long executionId) {
        Deque<Supplier<TaskExecutionState>> answers = executions.get(executionId);
        if (answers == null) {
            throw new IllegalStateException("no answers scripted for execution " + executionId);
        }
        return (answers.size() > 1 ? answers.poll() : answers.peek()).get();
    }

    @Override
    public List<TaskExecutionState> children(long parentExecutionId) {
        if (recent.isEmpty()) {
            return List.of();
        }
        List<ChildOf> page = recent.size() > 1 ? recent.poll() : recent.peek();
        return page.stream().filter(c -> c.parent() == parentExecutionId).map(ChildOf::state)
                .sorted(java.util.Comparator.comparingLong(TaskExecutionState::executionId)).toList();
    }

    @Override
    public Optional<JsonNode> runProgress(String runKey, boolean children) {
        if (progress.isEmpty()) {
            return Optional.empty();
        }
        String answer = progress.size() > 1 ? progress.poll() : progress.peek();
        try {
            return answer.isEmpty() ? Optional.empty() : Optional.of(json.readTree(answer));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
