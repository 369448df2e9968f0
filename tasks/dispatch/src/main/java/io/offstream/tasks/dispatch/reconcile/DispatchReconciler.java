package io.offstream.tasks.dispatch.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.tasks.support.ledger.ChildStatus;
import io.offstream.tasks.support.ledger.DispatchChild;
import io.offstream.tasks.support.ledger.DispatchLedger;
import io.offstream.tasks.support.ledger.DispatchRecord;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.PhaseRecord;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.run.RunParameters;

/**
 * The reconcile step: the parent run passes when every child passed and the children's days
 * cover the parent's range exactly once. With validation required, the children's validated
 * counts are summed into the parent's line: source = landed + rejected + dead-lettered.
 */
public class DispatchReconciler {

    private static final Logger log = LoggerFactory.getLogger(DispatchReconciler.class);

    private final DispatchLedger dispatches;

    private final RunLedger runs;

    private final boolean requireValidation;

    public DispatchReconciler(DispatchLedger dispatches, RunLedger runs, boolean requireValidation) {
        this.dispatches = dispatches;
        this.runs = runs;
        this.requireValidation = requireValidation;
    }

    /** The parent's summary line; throws, naming every problem, when the parent does not pass. */
    public String reconcile(RunParameters run) {
        List<DispatchChild> children = dispatches.children(run.runKey());
        List<String> problems = new ArrayList<>();
        for (DispatchChild child : children) {
            if (child.status() != ChildStatus.PASSED) {
                problems.add("child " + child.childRunKey() + " (" + child.from() + ".." + child.to() + ") is "
                        + child.status() + (child.message() == null ? "" : ": " + child.message()));
            }
        }
        problems.addAll(coverageProblems(run, children));
        PhaseCounts totals = PhaseCounts.NONE;
        if (requireValidation) {
            for (DispatchChild child : children) {
                PhaseRecord validate = runs.phase(child.childRunKey(), Phase.VALIDATE).orElse(null);
                if (validate == null || !validate.completed()) {
                    problems.add("child " + child.childRunKey() + " has no completed VALIDATE phase in the ledger");
                }
                else {
                    totals = totals.plus(validate.counts());
                }
            }
        }
        String line = summary(run, children, totals);
        if (!problems.isEmpty()) {
            String failed = "FAILED: " + String.join("; ", problems);
            dispatches.updateStatus(run.runKey(), DispatchRecord.FAILED, failed);
            runs.recordEvent(run.runKey(), Phase.DISPATCH, failed);
            throw new IllegalStateException("Dispatch " + run.runKey() + " " + failed);
        }
        String passed = "PASSED: " + line;
        dispatches.updateStatus(run.runKey(), DispatchRecord.PASSED, passed);
        runs.recordEvent(run.runKey(), Phase.DISPATCH, passed);
        log.info("Dispatch {} {}", run.runKey(), passed);
        return passed;
    }

    private String summary(RunParameters run, List<DispatchChild> children, PhaseCounts totals) {
        Map<String, List<String>> byRegion = new TreeMap<>(children.stream().collect(Collectors.groupingBy(
                c -> String.valueOf(c.region()), Collectors.mapping(DispatchChild::childRunKey, Collectors.toList()))));
        String regions = byRegion.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
        String line = String.format("%d day(s) %s..%s in %d child run(s) [%s]", run.dates().size(), run.from(), run.to(),
                children.size(), regions);
        if (requireValidation) {
            // as validate records them: read = source, rejected, failed = dead-lettered, landed = distinct landed keys
            line += String.format("; source %,d = landed %,d + rejected %,d + dead-lettered %,d", totals.read(), totals.landed(),
                    totals.rejected(), totals.failed());
        }
        return line;
    }

    static List<String> coverageProblems(RunParameters run, List<DispatchChild> children) {
        List<String> problems = new ArrayList<>();
        if (children.isEmpty()) {
            problems.add("the run has no children");
            return problems;
        }
        if (!children.get(0).from().equals(run.from())) {
            problems.add("the first child starts " + children.get(0).from() + ", the run " + run.from());
        }
        for (int i = 1; i < children.size(); i++) {
            if (!children.get(i).from().equals(children.get(i - 1).to().plusDays(1))) {
                problems.add("child " + children.get(i).childRunKey() + " starts " + children.get(i).from()
                        + ", not the day after " + children.get(i - 1).to());
            }
        }
        if (!children.get(children.size() - 1).to().equals(run.to())) {
            problems.add("the last child ends " + children.get(children.size() - 1).to() + ", the run " + run.to());
        }
        return problems;
    }
}
