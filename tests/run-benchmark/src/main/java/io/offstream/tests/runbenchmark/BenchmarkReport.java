package io.offstream.tests.runbenchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Prints each size's figures as it ends, and every size together at the end, beside the paper's Table 2. */
public final class BenchmarkReport {

    private final PrintStream out;

    private final PaperTable2 paper;

    public BenchmarkReport(PrintStream out, PaperTable2 paper) {
        this.out = out;
        this.paper = paper;
    }

    public void printSize(SizeRun run) {
        out.println();
        out.printf("=== %s rows (%d days x %s), run %d, run key %s, composed task execution %s: %s ===%n", Formats.count(run.size()),
                run.days(), Formats.count(run.size() / run.days()), run.repeat(), run.runKey(),
                run.runnerId().isPresent() ? Long.toString(run.runnerId().getAsLong()) : "none", run.passed() ? "PASSED" : "FAILED");
        out.printf("at the start: %s%n", run.loadAtStart());
        run.problems().forEach(problem -> out.println("problem: " + problem));
        out.printf("total %s (the composed task runner's start to end, from SCDF) -> %s rows/s%n", Formats.duration(run.total()),
                run.rowsPerSecond().map(r -> String.format("%,.0f", r)).orElse("-"));
        run.report().ifPresent(r -> out.printf("validation report: %s, source rows %s%s, landed %s, rejected %s, dead-lettered %s%n",
                r.passed() ? "passed" : "FAILED", Formats.count(r.sourceRows()), r.sourceRows() == run.size() ? " (= the size)" : " (NOT the size)",
                Formats.count(r.landedDistinct()), Formats.count(r.rejectedRows()), Formats.count(r.deadLettered())));
        out.println("paper, Table 2: " + paperLine(run));
        if (run.timeline().isPresent() && run.memory().isPresent()) {
            printTimeline(run.timeline().get(), run.memory().get());
            out.println(consumerLine(run.memory().get()));
        }
        out.println("log: " + run.log());
    }

    private String paperLine(SizeRun run) {
        Optional<PaperTable2.Figure> same = paper.forSize(run.size());
        if (same.isPresent()) {
            return String.format("%s rows in %s = %,d rows/s (it gives %,d msgs/s); here %s = %s rows/s", Formats.size(run.size()),
                    Formats.duration(same.get().duration()), same.get().rowsPerSecond(), same.get().messagesPerSecond(), Formats.duration(run.total()),
                    run.rowsPerSecond().map(r -> String.format("%,.0f", r)).orElse("-"));
        }
        return "no row for " + Formats.size(run.size()) + "; its rows: " + paper.figures().stream()
                .map(f -> String.format("%s %s (%,d msgs/s)", Formats.size(f.rows()), Formats.duration(f.duration()), f.messagesPerSecond()))
                .collect(Collectors.joining(", "));
    }

    private void printTimeline(PhaseTimeline timeline, RunMemory memory) {
        Instant start = timeline.runner().start();
        TableWriter table = new TableWriter(List.of("stretch", "execution", "from", "time", "task JVM peak MiB", "engine JVM peak MiB"), 1, 2, 3, 4, 5);
        for (PhaseTimeline.Entry entry : timeline.entries()) {
            Optional<RunMemory.PhasePeak> peak = entry.phase().map(memory::of);
            table.row(List.of(entry.isGap() ? "  (" + entry.name() + ")" : entry.name(),
                    entry.child().map(c -> Long.toString(c.id())).orElse(""),
                    entry.from().map(from -> "+" + Formats.duration(Duration.between(start, from))).orElse("-"),
                    Formats.duration(entry.duration()),
                    peak.map(p -> jvms(p.taskKiB(), p.taskJvms())).orElse(""),
                    peak.map(p -> jvms(p.engineKiB(), p.engineJvms())).orElse("")));
        }
        RunMemory.PhasePeak runner = memory.of(Phase.RUNNER);
        table.row(List.of("composed task runner (whole run)", Long.toString(timeline.runner().id()), "+0.0s", Formats.duration(timeline.total()),
                jvms(runner.taskKiB(), runner.taskJvms()), ""));
        table.print(out);
        out.printf("time in phases %s, in gaps %s%n", Formats.duration(Phase.STEPS.stream().map(timeline::phaseTime)
                .flatMap(Optional::stream).reduce(Duration.ZERO, Duration::plus)), Formats.duration(timeline.gaps()));
    }

    /** "1,234", or "1,234 (max of 2 JVMs)" when the phase ran more than one (engine JVMs one after another, or a restart). */
    private static String jvms(OptionalLong peakKiB, int count) {
        if (count == 0) {
            return "-";
        }
        return Formats.mib(peakKiB) + (count > 1 ? " (max of " + count + " JVMs)" : "");
    }

    private static String consumerLine(RunMemory memory) {
        return memory.consumer()
                .map(c -> String.format("service consumer (%s, pid %d): RSS %s MiB before the run, peak %s MiB during it", SizeRunner.SERVICE,
                        c.pid(), Formats.mib(c.beforeKiB()), Formats.mib(c.peakKiB())))
                .orElse("service consumer (" + SizeRunner.SERVICE + "): not found among the machine's Java processes");
    }

    public void printSummary(List<SizeRun> runs) {
        out.println();
        out.println("=== every size (times from SCDF; MiB = peak resident set, task JVM / engine JVM) ===");
        List<String> headers = List.of("size", "run", "result", "total", "rows/s", "paper total", "paper rows/s", "paper msgs/s", "plan",
                "ingress", "lag-wait", "egress", "validate", "gaps", "ingress MiB", "egress MiB", "other phases MiB", "consumer MiB before/peak");
        TableWriter table = new TableWriter(headers, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
        for (SizeRun run : runs) {
            Optional<PaperTable2.Figure> figure = paper.forSize(run.size());
            List<String> row = new ArrayList<>(List.of(Formats.size(run.size()), Integer.toString(run.repeat()), run.passed() ? "passed" : "FAILED",
                    Formats.duration(run.total()), run.rowsPerSecond().map(r -> String.format("%,.0f", r)).orElse("-"),
                    figure.map(f -> Formats.duration(f.duration())).orElse("-"),
                    figure.map(f -> String.format("%,d", f.rowsPerSecond())).orElse("-"),
                    figure.map(f -> String.format("%,d", f.messagesPerSecond())).orElse("-")));
            for (Phase phase : Phase.STEPS) {
                row.add(Formats.duration(run.timeline().flatMap(t -> t.phaseTime(phase))));
            }
            row.add(Formats.duration(run.timeline().map(PhaseTimeline::gaps)));
            row.add(run.memory().map(m -> taskAndEngine(m.of(Phase.INGRESS))).orElse("-"));
            row.add(run.memory().map(m -> taskAndEngine(m.of(Phase.EGRESS))).orElse("-"));
            row.add(run.memory().map(BenchmarkReport::otherPhases).orElse("-"));
            row.add(run.memory().flatMap(RunMemory::consumer)
                    .map(c -> Formats.mib(c.beforeKiB()) + " / " + Formats.mib(c.peakKiB())).orElse("-"));
            table.row(row);
        }
        table.print(out);
        out.println();
        out.println("=== the paper's Table 2 (its cluster, auto-scaled consumer pods) ===");
        TableWriter figures = new TableWriter(List.of("size", "job duration", "rows/s (size / duration)", "msgs/s (as given)"), 1, 2, 3);
        paper.figures().forEach(f -> figures.row(List.of(Formats.size(f.rows()), Formats.duration(f.duration()), String.format("%,d", f.rowsPerSecond()),
                String.format("%,d", f.messagesPerSecond()))));
        figures.print(out);
    }

    private static String taskAndEngine(RunMemory.PhasePeak peak) {
        return Formats.mib(peak.taskKiB()) + " / " + Formats.mib(peak.engineKiB());
    }

    /** The highest task JVM of plan, lag-wait, validate and the runner: they start no engine. */
    private static String otherPhases(RunMemory memory) {
        OptionalLong highest = List.of(Phase.PLAN, Phase.LAG_WAIT, Phase.VALIDATE, Phase.RUNNER).stream()
                .map(phase -> memory.of(phase).taskKiB()).filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max();
        return Formats.mib(highest);
    }
}
