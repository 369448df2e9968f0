package io.offstream.tests.runbenchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs one size once: run-demo.sh over the size's warehouse while the sampler watches every JVM,
 * then SCDF's executions of the run, the validation report and the memory of the run's JVMs.
 */
public final class SizeRunner {

    static final String SERVICE = "risk";

    private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(250);

    private final PlatformScripts scripts;

    private final ScdfExecutions executions;

    private final ProcFs proc;

    private final ObjectMapper json;

    private final Path logs;

    private final PrintStream console;

    public SizeRunner(PlatformScripts scripts, ScdfExecutions executions, ProcFs proc, ObjectMapper json, Path logs, PrintStream console) {
        this.scripts = scripts;
        this.executions = executions;
        this.proc = proc;
        this.json = json;
        this.logs = logs;
        this.console = console;
    }

    public SizeRun run(long size, int repeat, DemoRequest request) throws InterruptedException {
        MachineLoad load = MachineLoad.now();
        Path log = logs.resolve(Formats.size(size) + (repeat > 1 ? "-" + repeat : "") + ".log");
        console.printf("%n[run-benchmark] %s rows, run %d: run key %s, %s; log %s%n", Formats.count(size), repeat, request.runKey(), load, log);
        List<String> problems = new ArrayList<>();
        ScriptProcess.Outcome outcome;
        List<ObservedJvm> observed;
        try (ProcessMemorySampler sampler = ProcessMemorySampler.start(proc, SAMPLE_INTERVAL)) {
            outcome = scripts.runDemo(request, log);
            observed = sampler.observed();
        }
        DemoOutput output = DemoOutput.parse(outcome.progressLines());
        OptionalLong runnerId = output.runnerExecutionId();
        if (runnerId.isEmpty()) {
            problems.add("run-demo.sh ended (exit code " + outcome.exitCode() + ") without launching offstream-run; see " + log);
            return new SizeRun(size, request.days(), repeat, request.runKey(), load, runnerId, Optional.empty(), Optional.empty(),
                    Optional.empty(), problems, log);
        }
        TaskExecution runner = executions.execution(runnerId.getAsLong());
        List<TaskExecution> children = executions.childrenOf(runner.id());
        PhaseTimeline timeline = new PhaseTimeline(runner, children);
        checkExecutions(runner, children, problems);

        Set<Long> ids = new HashSet<>();
        ids.add(runner.id());
        children.forEach(child -> ids.add(child.id()));
        RunMemory memory = new RunMemory(observed, ids, SERVICE);

        Optional<ValidationReport> report = readReport(output, size, problems);
        if (!outcome.succeeded() && problems.isEmpty()) {
            problems.add("run-demo.sh exited with " + outcome.exitCode() + "; see " + log);
        }
        return new SizeRun(size, request.days(), repeat, request.runKey(), load, runnerId, Optional.of(timeline), Optional.of(memory),
                report, problems, log);
    }

    private static void checkExecutions(TaskExecution runner, List<TaskExecution> children, List<String> problems) {
        if (!runner.ended()) {
            problems.add("the composed task runner (execution " + runner.id() + ") has not ended");
        }
        else if (!runner.succeeded()) {
            problems.add("the composed task runner (execution " + runner.id() + ") ended with exit code " + runner.exitCode().orElse(-1));
        }
        for (TaskExecution child : children) {
            if (child.ended() && !child.succeeded()) {
                problems.add(child.taskName() + " (execution " + child.id() + ") failed: " + child.exitMessage());
            }
        }
    }

    // the size is only measured if the run read exactly the rows written for it
    private Optional<ValidationReport> readReport(DemoOutput output, long size, List<String> problems) {
        if (output.validationReport().isEmpty()) {
            problems.add("no validation report: the run stopped before validation");
            return Optional.empty();
        }
        Path file = output.validationReport().get();
        try {
            ValidationReport report = ValidationReport.read(file, json);
            if (!report.passed()) {
                problems.add("validation failed (" + file + ")");
            }
            if (report.sourceRows() != size) {
                problems.add("the run read " + Formats.count(report.sourceRows()) + " source rows, not " + Formats.count(size));
            }
            return Optional.of(report);
        }
        catch (IOException e) {
            problems.add("cannot read the validation report " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The run-demo.sh request of one size: its own warehouse, rows spread evenly over the days. */
    public static DemoRequest request(Path dataset, LocalDate startDate, BenchmarkOptions options, long size, String runKey) {
        return new DemoRequest(dataset, startDate, options.days(), options.rowsPerDay(size), runKey, options.timeoutMinutes());
    }
}
