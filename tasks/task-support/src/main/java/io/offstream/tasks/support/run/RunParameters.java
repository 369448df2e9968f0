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
 *
 * @param candidate in a simulation, the second version of the service its results are compared
 *        with; {@code null} for a plain run
 */
public record RunParameters(URI dataset, LocalDate from, LocalDate to, String service, String runKey, URI landing, String candidate) {

    /** A plain run: one service. */
    public RunParameters(URI dataset, LocalDate from, LocalDate to, String service, String runKey, URI landing) {
        this(dataset, from, to, service, runKey, landing, null);
    }

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
                && service.equals(other.service) && Objects.equals(candidate, other.candidate);
    }

    /** Whether this run is a simulation: one snapshot through {@link #service} and {@link #candidate}. */
    public boolean simulation() {
        return candidate != null;
    }

    /** Every date of the inclusive range [from, to], in order. */
    public List<LocalDate> dates() {
        return Stream.iterate(from, d -> !d.isAfter(to), d -> d.plusDays(1)).toList();
    }

    /** The run's topic names: in a simulation, the shared ingress topic and the baseline's egress and DLQ. */
    public RunTopics topics() {
        return simulation() ? RunTopics.ofSimulation(service, runKey, candidate) : RunTopics.of(service, runKey);
    }

    /** Where the run's files live under its landing root (results, quarantine, validation, report). */
    public RunLayout layout() {
        return new RunLayout(landing, service, runKey);
    }

    /** Every topic of the run: the ingress topic, and each side's egress and DLQ topics. */
    public List<String> allTopics() {
        if (!simulation()) {
            return topics().all();
        }
        RunTopics candidateTopics = side(RunSide.Which.CANDIDATE).topics();
        return List.of(topics().ingress(), topics().egress(), topics().dlq(), candidateTopics.egress(), candidateTopics.dlq());
    }

    /** The baseline's or, in a simulation, the candidate's side of the run. */
    public RunSide side(RunSide.Which which) {
        if (which == RunSide.Which.BASELINE) {
            return new RunSide(which, service, topics(), layout());
        }
        if (!simulation()) {
            throw new InvalidRunParametersException(List.of("offstream.run.side=candidate needs offstream.run.candidate "
                    + "(the service version a simulation compares with " + service + ")"));
        }
        RunTopics own = RunTopics.forConsumer(candidate, topics().ingress());
        return new RunSide(which, candidate, own, new RunLayout(landing, candidate, runKey));
    }

    /**
     * Resolves raw values (as bound from {@code offstream.run.*}); collects every problem and
     * throws one {@link InvalidRunParametersException} naming them all.
     */
    public static RunParameters resolve(String dataset, String from, String to, String service, String key,
            String landing) {
        return resolve(dataset, from, to, service, key, landing, null);
    }

    /** As {@link #resolve(String, String, String, String, String, String)}, for a simulation when {@code candidate} is given. */
    public static RunParameters resolve(String dataset, String from, String to, String service, String key,
            String landing, String candidate) {
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
        String other = candidate == null || candidate.isBlank() ? null : candidate.trim();
        if (other != null && !Names.isServiceName(other)) {
            errors.add("offstream.run.candidate '" + candidate + "' must match " + Names.SERVICE_PATTERN);
        } else if (other != null && service != null && other.equals(service.trim())) {
            errors.add("offstream.run.candidate '" + other + "' is offstream.run.service itself: a simulation compares two services");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRunParametersException(errors);
        }
        String svc = service.trim();
        URI normalizedDataset = RunPaths.asDirectory(datasetUri);
        if (runKey == null) {
            runKey = other == null ? Names.deriveRunKey(normalizedDataset, fromDate, toDate, svc)
                    : Names.deriveRunKey(normalizedDataset, fromDate, toDate, svc + " vs " + other);
        }
        return new RunParameters(normalizedDataset, fromDate, toDate, svc, runKey, RunPaths.asDirectory(landingUri), other);
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
