package io.offstream.tasks.plan;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.contract.service.InvalidServiceException;
import io.offstream.contract.service.ServiceDefinition;
import io.offstream.tasks.support.catalogue.ServicesProperties;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.PlannedPartition;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.run.RunParameters;
import io.offstream.tasks.support.run.RunProperties;
import io.offstream.tasks.support.topics.KafkaProperties;
import io.offstream.tasks.support.topics.RunTopicAdmin;

/**
 * The plan phase's logic. {@link #validate()} only reads (arguments, the dataset, the ledger,
 * Kafka) and throws one clear message; {@link #plan()} then pins the manifest and creates the
 * topics, and does nothing for a run that is already planned.
 */
public class RunPlanner {

    private static final Logger log = LoggerFactory.getLogger(RunPlanner.class);

    private final RunProperties runProperties;
    private final PlanProperties plan;
    private final KafkaProperties kafka;
    private final RunLedger ledger;
    private final DatasetSnapshot snapshot;
    private final ServicesProperties services;
    private final DatasetColumns datasetColumns;

    public RunPlanner(RunProperties runProperties, PlanProperties plan, KafkaProperties kafka, RunLedger ledger,
            DatasetSnapshot snapshot, ServicesProperties services, DatasetColumns datasetColumns) {
        this.runProperties = runProperties;
        this.plan = plan;
        this.kafka = kafka;
        this.ledger = ledger;
        this.snapshot = snapshot;
        this.services = services;
        this.datasetColumns = datasetColumns;
    }

    /** Thrown when the run cannot be planned; the message says why. */
    public static class PlanRejectedException extends IllegalArgumentException {
        public PlanRejectedException(String message) {
            super(message);
        }

        /** The user's input is wrong, not the code: the message says it all, where a stack trace would bury it. */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Every check, no side effect. Returns the resolved parameters and the listing to pin. */
    public Validated validate() throws IOException {
        RunParameters params = runProperties.toParameters();
        plan.topicSettings();
        ServiceDefinition service;
        try {
            service = services.load(params.service());
        } catch (InvalidServiceException e) {
            throw new PlanRejectedException(e.getMessage() + " (catalogue " + services.locationUri() + ")");
        }
        if (params.simulation()) {
            checkCandidate(service, params.candidate());
        }
        DatasetSnapshot.Listing listing = snapshot.list(params.dataset(), params.dates());
        checkFit(params, service, listing.partitions());
        if (!listing.missing().isEmpty() && !plan.isAllowMissingPartitions()) {
            throw new PlanRejectedException("Dataset " + params.dataset() + " has no partition for " + listing.missing().size()
                    + " day(s) of " + params.from() + ".." + params.to() + ": " + listing.missing()
                    + " (set offstream.plan.allow-missing-partitions=true to plan them as empty)");
        }
        ledger.findRun(params.runKey()).ifPresent(existing -> {
            if (!existing.parameters().sameRunAs(params)) {
                throw new PlanRejectedException("Run key " + params.runKey() + " is already planned with other arguments: "
                        + existing.parameters() + "; these are " + params);
            }
        });
        try (RunTopicAdmin admin = kafka.admin()) {
            admin.existing(params.allTopics());
        } catch (IllegalStateException e) {
            throw new PlanRejectedException("Kafka at " + kafka.getBootstrapServers() + " is not reachable: " + e.getMessage());
        }
        long files = listing.partitions().stream().mapToLong(p -> p.files().size()).sum();
        long bytes = listing.partitions().stream().mapToLong(PlannedPartition::totalBytes).sum();
        log.info("Run {} is valid: {} {}..{} for service {}, {} partitions, {} files, {} bytes", params.runKey(), params.dataset(),
                params.from(), params.to(), params.service(), listing.partitions().size(), files, bytes);
        return new Validated(params, listing.partitions());
    }

    /** Every pinned day's columns must feed the service's current request; one message names each problem and where. */
    private void checkFit(RunParameters params, ServiceDefinition service, List<PlannedPartition> partitions) {
        List<String> problems = ServiceFit.problems(service, partitions, datasetColumns);
        if (!problems.isEmpty()) {
            throw new PlanRejectedException("Dataset " + params.dataset() + " does not fit service '" + service.name() + "' (request "
                    + service.request().current().label() + "): " + String.join("; ", problems));
        }
    }

    /**
     * A simulation's candidate reads the events ingress writes with the baseline's current request
     * schema: that schema must be one of the candidate's request versions (the same fingerprint).
     */
    private void checkCandidate(ServiceDefinition baseline, String candidateName) {
        ServiceDefinition candidate;
        try {
            candidate = services.load(candidateName);
        } catch (InvalidServiceException e) {
            throw new PlanRejectedException("offstream.run.candidate: " + e.getMessage() + " (catalogue " + services.locationUri() + ")");
        }
        if (!CandidateFit.readsRequestsOf(baseline, candidate)) {
            throw new PlanRejectedException("Service '" + candidateName + "' cannot be compared with '" + baseline.name() + "': its request "
                    + "schemas do not include " + baseline.name() + "'s current request " + baseline.request().current().label()
                    + " (copy that schema into " + candidateName + "/request/ as a version of its own)");
        }
        if (!CandidateFit.sameKey(baseline, candidate)) {
            throw new PlanRejectedException("Service '" + candidateName + "' cannot be compared with '" + baseline.name() + "': its key "
                    + candidate.descriptor().key() + " is not " + baseline.name() + "'s " + baseline.descriptor().key());
        }
    }

    public record Validated(RunParameters parameters, List<PlannedPartition> partitions) {
    }

    /** Pins the manifest (once) and creates the topics that are missing. */
    public void plan(Validated validated, Long taskExecutionId) {
        RunParameters params = validated.parameters();
        String runKey = params.runKey();
        boolean planned = ledger.phase(runKey, Phase.PLAN).map(p -> p.completed()).orElse(false);
        Set<String> existing;
        try (RunTopicAdmin admin = kafka.admin()) {
            existing = admin.existing(params.allTopics());
        }
        if (planned && existing.containsAll(params.allTopics())) {
            log.info("Run {} is already planned (snapshot {}) and its topics exist: nothing to do", runKey,
                    ledger.findRun(runKey).map(LedgerRun::snapshotTime).orElse(null));
            return;
        }
        ledger.findRun(runKey).ifPresentOrElse(r -> { }, () -> {
            ledger.createRunIfAbsent(new LedgerRun(params, params.topics(), plan.getTopicPartitions(), Instant.now(), "PLANNED"),
                    validated.partitions());
        });
        ledger.startPhase(runKey, Phase.PLAN, taskExecutionId);
        List<String> created = new ArrayList<>();
        try (RunTopicAdmin admin = kafka.admin()) {
            created.addAll(admin.createIfAbsent(params.allTopics(), plan.topicSettings()));
        } catch (RuntimeException e) {
            ledger.failPhase(runKey, Phase.PLAN, PhaseCounts.NONE, "Creating topics failed: " + e.getMessage());
            throw e;
        }
        List<PlannedPartition> pinned = ledger.partitions(runKey);
        long files = pinned.stream().mapToLong(p -> p.files().size()).sum();
        String summary = String.format("planned %d partitions (%d files, %d bytes); topics %s (created now: %s)", pinned.size(), files,
                pinned.stream().mapToLong(PlannedPartition::totalBytes).sum(), params.allTopics(), created);
        ledger.completePhase(runKey, Phase.PLAN, PhaseCounts.NONE, summary);
        ledger.recordEvent(runKey, Phase.PLAN, summary);
        log.info("Run {}: {}", runKey, summary);
    }
}
