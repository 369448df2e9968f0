package io.offstream.tests.runbenchmark;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.dataflow.DataFlowClient;

/**
 * Issue 14's benchmark: the whole offstream-run through SCDF on the local platform at several
 * sizes, each run by scdf-deploy/local/run-demo.sh, with its total and per-phase times from SCDF,
 * its JVMs' peak memory, and the paper's Table 2 beside it. Exits non-zero if any run failed.
 * Options: bench.sizes, bench.days, bench.repeats, bench.timeout-minutes (see {@link BenchmarkOptions}).
 */
public final class RunBenchmark {

    /** Every size's warehouse starts on this day; each size has its own folder, so they never mix. */
    static final LocalDate START_DATE = LocalDate.of(2026, 1, 1);

    private final BenchmarkOptions options;

    private final Path root;

    private final Path work;

    private final String stamp;

    private final PrintStream console;

    public RunBenchmark(BenchmarkOptions options, Path root, String stamp, PrintStream console) {
        this.options = options;
        this.root = root;
        this.stamp = stamp;
        this.work = root.resolve("tests/run-benchmark/target/run-" + stamp);
        this.console = console;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.from(System.getProperties());
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        int exitCode = new RunBenchmark(options, RepositoryLayout.locate().root(), stamp, System.out).run();
        // exec:java runs in Maven's JVM: exit with the benchmark's verdict
        System.exit(exitCode);
    }

    public int run() throws Exception {
        Path logs = Files.createDirectories(work.resolve("logs"));
        console.printf("=== Offstream run benchmark: sizes %s, %d days each, %d run(s) per size, timeout %d min ===%n",
                options.sizes().stream().map(Formats::size).toList(), options.days(), options.repeats(), options.timeoutMinutes());
        console.println("machine: " + MachineLoad.now());
        console.println("logs: " + logs);

        ScriptProcess scriptProcess = new ScriptProcess(root, console);
        PlatformScripts scripts = new PlatformScripts(root, scriptProcess);
        console.println("[run-benchmark] bringing the local platform up if it is not (scdf-deploy/local/up.sh)");
        ScriptProcess.Outcome up = scripts.up(logs.resolve("up.log"));
        if (!up.succeeded()) {
            console.println("[run-benchmark] up.sh failed (exit code " + up.exitCode() + "); see " + up.log());
            return 1;
        }
        DataFlowClient scdf = new DataFlowClient(scripts.scdfUrl());
        ScdfExecutions executions = new ScdfExecutions(scdf);
        SampleWarehouseTask sample = new SampleWarehouseTask(scdf, executions);
        SizeRunner runner = new SizeRunner(scripts, executions, new ProcFs(Path.of("/proc")), new ObjectMapper(), logs, console);
        BenchmarkReport report = new BenchmarkReport(console, new PaperTable2());
        console.println("[run-benchmark] SCDF " + scdf.server());

        List<SizeRun> runs = new ArrayList<>();
        for (long size : options.sizes()) {
            Path dataset = work.resolve("warehouse/" + Formats.size(size) + "/transactions");
            try {
                console.printf("%n[run-benchmark] writing the %s-row sample warehouse (%d days x %s, not timed) -> %s%n",
                        Formats.count(size), options.days(), Formats.count(options.rowsPerDay(size)), dataset);
                TaskExecution written = sample.write(dataset, START_DATE, options.days(), options.rowsPerDay(size),
                        Duration.ofMinutes(options.timeoutMinutes()));
                console.printf("[run-benchmark] written in %s (task execution %d)%n", Formats.duration(written.duration()), written.id());
            }
            catch (RuntimeException e) {
                console.println("[run-benchmark] " + e.getMessage());
                runs.add(notRun(size, e.getMessage()));
                continue;
            }
            for (int repeat = 1; repeat <= options.repeats(); repeat++) {
                String runKey = "bench-" + Formats.size(size).toLowerCase() + "-" + stamp + "-r" + repeat;
                SizeRun run = runner.run(size, repeat, SizeRunner.request(dataset, START_DATE, options, size, runKey));
                report.printSize(run);
                runs.add(run);
            }
        }
        report.printSummary(runs);
        console.println("machine at the end: " + MachineLoad.now());
        boolean allPassed = runs.stream().allMatch(SizeRun::passed);
        console.println(allPassed ? "every run passed" : "FAILED: " + runs.stream().filter(r -> !r.passed()).count() + " run(s) did not pass");
        return allPassed ? 0 : 1;
    }

    private SizeRun notRun(long size, String reason) {
        return new SizeRun(size, options.days(), 1, "-", MachineLoad.now(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of("the sample warehouse was not written: " + reason), work.resolve("logs"));
    }
}
