package io.offstream.tasks.support.run;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.offstream.contract.layout.RunLayout;
import io.offstream.contract.naming.Names;
import io.offstream.contract.naming.RunTopics;

/**
 * The arguments every phase of a run receives ({@code --offstream.run.*}), resolved and validated:
 * the run key is derived when it was not given, so every phase (and a restarted composed task)
 * resolves the same run, topics and ledger rows.
 */
public record RunParameters(URI dataset, LocalDate from, LocalDate to, String service, String runKey, URI landing) {

    public RunParameters {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(runKey, "runKey");
        Objects.requireNonNull(landing, "landing");
    }

    /**
     * Whether both name the same run: same key, dataset, dates and service. The landing root is
     * not part of a run's identity; phases use the one plan recorded.
     */
    public boolean sameRunAs(RunParameters other) {
        return runKey.equals(other.runKey) && dataset.equals(other.dataset) && from.equals(other.from) && to.equals(other.to)
                && service.equals(other.service);
    }

    /** Every date of the inclusive range [from, to], in order. */
    public List<LocalDate> dates() {
        return Stream.iterate(from, d -> !d.isAfter(to), d -> d.plusDays(1)).toList();
    }

    /** The run's topic names. */
    public RunTopics topics() {
        return RunTopics.of(service, runKey);
    }

    /** Where the run's files live under its landing root (results, quarantine, validation, report). */
    public RunLayout layout() {
        return new RunLayout(landing, service, runKey);
    }

    /**
     * Resolves raw values (as bound from {@code offstream.run.*}); collects every problem and
     * throws one {@link InvalidRunParametersException} naming them all.
     */
    public static RunParameters resolve(String dataset, String from, String to, String service, String key,
            String landing) {
        List<String> errors = new ArrayList<>();
        URI datasetUri = RunPaths.parseUri("offstream.run.dataset", dataset, errors);
        LocalDate fromDate = parseDate("offstream.run.from", from, errors);
        LocalDate toDate = parseDate("offstream.run.to", to, errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add("offstream.run.from (" + fromDate + ") is after offstream.run.to (" + toDate + ")");
        }
        if (service == null || service.isBlank()) {
            errors.add("offstream.run.service is required (e.g. risk)");
        } else if (!Names.isServiceName(service.trim())) {
            errors.add("offstream.run.service '" + service + "' must match " + Names.SERVICE_PATTERN);
        }
        String runKey = key == null || key.isBlank() ? null : key.trim();
        if (runKey != null && !Names.isRunKey(runKey)) {
            errors.add("offstream.run.key '" + key + "' must match " + Names.RUN_KEY_PATTERN);
        }
        URI landingUri = RunPaths.parseUri("offstream.run.landing", landing, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRunParametersException(errors);
        }
        String svc = service.trim();
        URI normalizedDataset = RunPaths.asDirectory(datasetUri);
        if (runKey == null) {
            runKey = Names.deriveRunKey(normalizedDataset, fromDate, toDate, svc);
        }
        return new RunParameters(normalizedDataset, fromDate, toDate, svc, runKey, RunPaths.asDirectory(landingUri));
    }

    private static LocalDate parseDate(String name, String value, List<String> errors) {
        if (value == null || value.isBlank()) {
            errors.add(name + " is required (yyyy-MM-dd)");
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (RuntimeException e) {
            errors.add(name + " '" + value + "' is not a date (yyyy-MM-dd)");
            return null;
        }
    }
}
