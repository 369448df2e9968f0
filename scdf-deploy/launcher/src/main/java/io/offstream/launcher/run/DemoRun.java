package io.offstream.launcher.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.offstream.launcher.Catalogue;
import io.offstream.launcher.Console;
import io.offstream.launcher.LauncherException;
import io.offstream.launcher.PlatformSettings;
import io.offstream.launcher.dataflow.DataFlow;
import io.offstream.dataflow.client.TaskExecutionState;

/**
 * The {@code run} command (run-demo.sh): brings the platform up, generates the sample warehouse,
 * launches offstream-run, offstream-multi-region or offstream-simulate, follows it and prints the
 * validation report. Returns normally only if validation passed.
 */
public final class DemoRun {

    private static final String SAMPLE_WAREHOUSE = "offstream-sample-warehouse";

    private final PlatformSettings settings;

    private final RunTarget target;

    private final Catalogue catalogue;

    private final PlatformStarter platform;

    private final DataFlow dataFlow;

    private final RunFollower follower;

    private final RunReports reports;

    private final Console console;

    private final Ticker ticker;

    public DemoRun(PlatformSettings settings, RunTarget target, Catalogue catalogue, PlatformStarter platform, DataFlow dataFlow,
            RunFollower follower, RunReports reports, Console console, Ticker ticker) {
        this.settings = settings;
        this.target = target;
        this.catalogue = catalogue;
        this.platform = platform;
        this.dataFlow = dataFlow;
        this.follower = follower;
        this.reports = reports;
        this.console = console;
        this.ticker = ticker;
    }

    /** The sample dataset each shipped service runs over; any other service needs --dataset-path. */
    static Optional<String> sampleDataset(String service) {
        return switch (service) {
            case "risk" -> Optional.of("transactions");
            case "pricing" -> Optional.of("orders");
            default -> Optional.empty();
        };
    }

    /** The warehouse the run reads: the user's (a relative path is from where the user stands) or the sample's. */
    String warehouse(RunOptions options) {
        if (options.datasetPath().isPresent()) {
            String path = options.datasetPath().get();
            return path.contains("://") || path.startsWith("/") ? path : Path.of(path).toAbsolutePath().normalize().toString();
        }
        String dataset = sampleDataset(options.service()).orElseThrow(() -> new LauncherException("there is no sample dataset for service '"
                + options.service() + "': give your warehouse with --dataset-path"));
        return target.sampleWarehouse(dataset);
    }

    /**
     * The rejected-row budget validation gets: the user's; for a sample that plants bad rows, that
     * fraction plus the one row a day its per-day rounding may add; else the default 0.01. It is
     * always passed, since SCDF reuses a definition's last launch properties.
     */
    static String rejectBudget(RunOptions options) {
        if (options.rejectBudget().isPresent()) {
            return options.rejectBudget().get();
        }
        if (options.datasetPath().isEmpty() && options.badRowFraction() > 0) {
            return String.format(Locale.ROOT, "%.6f", Math.min(1.0, options.badRowFraction() + 1.0 / options.rowsPerDay()));
        }
        return "0.01";
    }

    public void run(RunOptions options) {
        String warehouse = warehouse(options);
        catalogue.require("service", options.service());
        if (options.simulate()) {
            catalogue.require("candidate", options.candidateService());
        }
        platform.up();
        String definition = options.definition();
        for (String name : List.of(SAMPLE_WAREHOUSE, "offstream-run", definition)) {
            requireDefinition(name);
        }
        if (options.datasetPath().isEmpty()) {
            generateSample(options, warehouse);
        }
        String rejectBudget = rejectBudget(options);
        if (options.rejectBudget().isPresent()) {
            console.say("validation allows " + rejectBudget + " rejected (--max-rejected-fraction)");
        }
        else if (options.datasetPath().isEmpty() && options.badRowFraction() > 0) {
            console.say("the sample plants a " + options.badRowFractionText() + " fraction of bad rows: validation allows " + rejectBudget
                    + " rejected (offstream.validate.max-rejected-fraction)");
        }
        if (!"0".equals(options.deadLetterBudget())) {
            console.say("validation allows " + options.deadLetterBudget() + " dead-lettered (--max-dead-lettered-fraction)");
        }
        if (options.children() > 1) {
            runMultiRegion(options, warehouse, rejectBudget);
        }
        else {
            runComposed(options, warehouse, rejectBudget);
        }
    }

    private void requireDefinition(String name) {
        if (dataFlow.definitionExists(name)) {
            return;
        }
        if (SAMPLE_WAREHOUSE.equals(name)) {
            try {
                dataFlow.createDefinition(name, name);
                return;
            }
            catch (LauncherException e) {
                // reported as missing below, as run-demo.sh did
            }
        }
        throw new LauncherException("task definition " + name + " is missing: its apps are not built or registered (see up.sh's output)");
    }

    private void generateSample(RunOptions options, String warehouse) {
        String dataset = sampleDataset(options.service()).orElseThrow();
        console.say("generating the sample " + dataset + " warehouse: " + options.days() + " days x " + options.rowsPerDay() + " rows from "
                + options.startDate() + ", bad-row fraction " + options.badRowFractionText() + " -> "
                + (warehouse.contains("://") ? warehouse : settings.display(Path.of(warehouse))));
        long started = ticker.nowSeconds();
        long sample = dataFlow.launch(SAMPLE_WAREHOUSE, Map.of(), List.of("--offstream.sample.dataset=" + dataset,
                "--offstream.sample.path=" + warehouse, "--offstream.sample.days=" + options.days(),
                "--offstream.sample.rows-per-day=" + options.rowsPerDay(), "--offstream.sample.start-date=" + options.startDate(),
                "--offstream.sample.bad-row-fraction=" + options.badRowFractionText()));
        TaskExecutionState ended = follower.awaitEnd(sample);
        if (!ended.succeeded()) {
            throw new LauncherException(SAMPLE_WAREHOUSE + " failed (task execution " + sample + "; see the dashboard or .offstream/task-work)");
        }
        console.say("sample warehouse written in " + (ticker.nowSeconds() - started) + "s");
    }

    private void runComposed(RunOptions options, String warehouse, String rejectBudget) {
        String definition = options.definition();
        String runKey = options.runKey();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("app.*.offstream.run.dataset", warehouse);
        properties.put("app.*.offstream.run.from", options.startDate().toString());
        properties.put("app.*.offstream.run.to", options.endDate().toString());
        properties.put("app.*.offstream.run.service", options.service());
        properties.put("app.*.offstream.run.key", runKey);
        properties.put("app.*.offstream.run.landing", target.landing());
        target.taskProperties().forEach((key, value) -> properties.put("app.*." + key, value));
        if (options.simulate()) {
            properties.put("app.*.offstream.run.candidate", options.candidateService());
        }
        properties.put("app.*.offstream.validate.max-rejected-fraction", rejectBudget);
        properties.put("app.*.offstream.validate.max-dead-lettered-fraction", options.deadLetterBudget());
        console.say("launching " + definition + " for run " + runKey + " (" + options.startDate() + " .. " + options.endDate() + ")"
                + (options.simulate() ? ": " + options.service() + " against " + options.candidateService() : ""));
        long started = ticker.nowSeconds();
        long runner = dataFlow.launch(definition, properties, List.of());
        console.say("composed task execution " + runner + ": follow it at " + settings.scdfUrl() + "/dashboard/#/tasks-jobs/task-executions/" + runner);
        TaskExecutionState ended = follower.followComposed(runner, definition, runKey, started, options.timeoutMinutes());
        console.say(definition + " ended with exit code " + ended.exitCode() + " after " + (ticker.nowSeconds() - started) + "s");
        if (!ended.succeeded()) {
            for (TaskExecutionState child : follower.children(runner)) {
                if (child.exitCode() != null && child.exitCode() != 0) {
                    console.say("  failed: " + child.taskName() + " (task execution " + child.executionId() + "): "
                            + (child.exitMessage() == null || child.exitMessage().isEmpty()
                                    ? "no reason recorded; see its log under .offstream/task-work" : child.exitMessage()));
                }
            }
        }
        boolean passed = true;
        List<String> sides = new ArrayList<>(List.of(options.service()));
        if (options.simulate()) {
            sides.add(options.candidateService());
        }
        for (String side : sides) {
            passed &= reports.printValidation(side, runKey);
        }
        reports.printRejectedQuery(options.service(), runKey);
        if (options.simulate()) {
            passed &= reports.printDiff(options.service(), options.candidateService(), runKey);
        }
        if (!ended.succeeded() || !passed) {
            throw new LauncherException("the run did not pass");
        }
        console.say("validation PASSED" + (options.simulate() ? " for both versions; the diff is above" : ""));
    }

    private void runMultiRegion(RunOptions options, String warehouse, String rejectBudget) {
        String runKey = options.runKey();
        String registry = settings.registryUrl().toString();
        console.say("launching offstream-multi-region for run " + runKey + " (" + options.startDate() + " .. " + options.endDate() + ") in "
                + options.children() + " child runs");
        long started = ticker.nowSeconds();
        long dispatcher = dataFlow.launch("offstream-multi-region", Map.of(), List.of("--offstream.run.dataset=" + warehouse,
                "--offstream.run.from=" + options.startDate(), "--offstream.run.to=" + options.endDate(),
                "--offstream.run.service=" + options.service(), "--offstream.run.key=" + runKey,
                "--offstream.run.landing=" + target.landing(), "--offstream.dispatch.children=" + options.children(),
                "--offstream.dispatch.registry-url=" + registry,
                "--offstream.dispatch.child-properties[app.validate.offstream.validate.max-rejected-fraction]=" + rejectBudget,
                "--offstream.dispatch.child-properties[app.validate.offstream.validate.max-dead-lettered-fraction]=" + options.deadLetterBudget()));
        console.say("dispatch task execution " + dispatcher + "; regions and their queue: " + registry + "/regions, " + registry
                + "/dispatches?runKey=" + runKey);
        TaskExecutionState ended = follower.followDispatch(dispatcher, runKey, started, options.timeoutMinutes());
        console.say("offstream-multi-region ended with exit code " + ended.exitCode() + " after " + (ticker.nowSeconds() - started) + "s");
        boolean passed = true;
        for (int i = 1; i <= options.children(); i++) {
            passed &= reports.printChildValidation(options.service(), runKey + "-c" + i + "of" + options.children());
        }
        console.say("the run's ledger: " + follower.progressLine(runKey, true).orElse(""));
        if (!ended.succeeded() || !passed) {
            throw new LauncherException("the multi-region run did not pass (see the dispatch task's log and " + registry + "/dispatches?runKey="
                    + runKey + ")");
        }
        console.say("validation PASSED in every child run");
    }
}
