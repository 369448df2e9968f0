package io.offstream.tests.runbenchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one run of one size gave: its timeline and memory when SCDF and /proc had them, its
 * validation report, and every reason it does not count as passed.
 */
public record SizeRun(long size, int days, int repeat, String runKey, MachineLoad loadAtStart, OptionalLong runnerId,
        Optional<PhaseTimeline> timeline, Optional<RunMemory> memory, Optional<ValidationReport> report, List<String> problems,
        Path log) {

    public boolean passed() {
        return problems.isEmpty();
    }

    public Optional<Duration> total() {
        return timeline.flatMap(PhaseTimeline::total);
    }

    /** Source rows over the runner's start to end. */
    public Optional<Double> rowsPerSecond() {
        return total().filter(t -> !t.isZero()).map(t -> size * 1000.0 / t.toMillis());
    }
}
