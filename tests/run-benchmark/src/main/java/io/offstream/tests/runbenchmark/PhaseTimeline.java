package io.offstream.tests.runbenchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a composed run's time went: each child execution's start to end, and the gaps between
 * them (the runner deciding and SCDF launching the next JVM), from the runner's start to its end.
 */
public final class PhaseTimeline {

    /** One stretch of the run: a child execution ({@code child} present) or a gap before, between or after them. */
    public record Entry(String name, Optional<TaskExecution> child, Optional<Phase> phase, Optional<Instant> from, Optional<Duration> duration) {

        public boolean isGap() {
            return child.isEmpty();
        }
    }

    private final TaskExecution runner;

    private final List<Entry> entries;

    public PhaseTimeline(TaskExecution runner, List<TaskExecution> childrenInStartOrder) {
        this.runner = runner;
        List<Entry> list = new ArrayList<>();
        String previous = "runner start";
        Optional<Instant> previousEnd = Optional.of(runner.start());
        for (TaskExecution child : childrenInStartOrder) {
            Optional<Phase> phase = Phase.ofChildTask(child.taskName());
            String name = phase.map(Phase::displayName).orElse(child.taskName());
            list.add(gap(previous, name, previousEnd, Optional.of(child.start())));
            list.add(new Entry(name, Optional.of(child), phase, Optional.of(child.start()), child.duration()));
            previous = name;
            previousEnd = child.end();
        }
        list.add(gap(previous, "runner end", previousEnd, runner.end()));
        this.entries = List.copyOf(list);
    }

    private static Entry gap(String after, String before, Optional<Instant> from, Optional<Instant> to) {
        Optional<Duration> length = from.flatMap(f -> to.map(t -> Duration.between(f, t)));
        return new Entry("gap " + after + " -> " + before, Optional.empty(), Optional.empty(), from, length);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The runner's start to end; empty if it has not ended. */
    public Optional<Duration> total() {
        return runner.duration();
    }

    /** The time of a phase, summed over its executions (more than one only after a restart); empty if it did not end. */
    public Optional<Duration> phaseTime(Phase phase) {
        List<Entry> runs = entries.stream().filter(e -> e.phase().equals(Optional.of(phase))).toList();
        if (runs.isEmpty() || runs.stream().anyMatch(e -> e.duration().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(runs.stream().map(e -> e.duration().get()).reduce(Duration.ZERO, Duration::plus));
    }

    /** Every gap together: the run's time outside its phases' own JVMs. */
    public Duration gaps() {
        return entries.stream().filter(Entry::isGap).flatMap(e -> e.duration().stream()).reduce(Duration.ZERO, Duration::plus);
    }

    /** The child execution of each phase, latest last, for attributing processes. */
    public List<TaskExecution> children() {
        return entries.stream().flatMap(e -> e.child().stream()).toList();
    }

    public TaskExecution runner() {
        return runner;
    }
}
