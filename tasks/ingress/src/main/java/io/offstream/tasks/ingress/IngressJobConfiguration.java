package io.offstream.tasks.ingress;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.JobBuilderFactory;
import org.springframework.batch.core.configuration.annotation.StepBuilderFactory;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.offstream.tasks.support.batch.StepCounts;
import io.offstream.tasks.support.batch.TaskExecutionIdHolder;
import io.offstream.tasks.support.batch.UniqueLaunchIncrementer;
import io.offstream.tasks.support.catalogue.ServicesProperties;
import io.offstream.tasks.support.engine.EmbeddedEngineFiles;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.progress.ProgressProperties;
import io.offstream.tasks.support.progress.RunSampler;
import io.offstream.tasks.support.progress.TopicProgress;
import io.offstream.tasks.support.run.RunParameters;
import io.offstream.tasks.support.run.RunProperties;
import io.offstream.tasks.support.run.RunSide;
import io.offstream.tasks.support.topics.KafkaProperties;

/**
 * The ingress job: one step, {@code ingress}, that publishes the planned partitions the ledger
 * does not have as published, in one Spark application ({@link RunIngestor}). A restarted job, or
 * a new launch, submits only those: the ledger records each partition as soon as it is published.
 */
@Configuration(proxyBeanMethods = false)
class IngressJobConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IngressJobConfiguration.class);

    @Bean
    PlannedRun plannedRun(RunProperties runProperties, RunLedger ledger) {
        return new PlannedRun(runProperties, ledger);
    }

    @Bean
    RunIngestor runIngestor(RunLedger ledger, IngressProperties options, KafkaProperties kafka, ServicesProperties services) {
        EmbeddedEngineFiles embedded = new EmbeddedEngineFiles(SparkIngressJob.EMBEDDED, EmbeddedEngineFiles.defaultCache(),
                getClass().getClassLoader());
        Path work = options.getWorkDir() == null || options.getWorkDir().isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "offstream-ingress") : Path.of(options.getWorkDir());
        return new RunIngestor(ledger, options, kafka, services, new SparkIngressJob(options, embedded), work);
    }

    @Bean
    Job offstreamIngressJob(JobBuilderFactory jobs, StepBuilderFactory steps, PlannedRun planned, RunProperties runProperties,
            RunLedger ledger, RunIngestor ingestor, TaskExecutionIdHolder task, KafkaProperties kafka, ProgressProperties progress) {
        Step step = steps.get("ingress").tasklet((contribution, context) -> {
            LedgerRun run = planned.get();
            // records published and each serving consumer group's lag while the partitions go out
            try (TopicProgress topic = new TopicProgress(kafka.admin(), Phase.INGRESS, run.topics().ingress(), servingGroups(run));
                    RunSampler sampler = RunSampler.start(ledger, run.runKey(), Phase.INGRESS, progress.getSampleInterval(), topic)) {
                ingestor.ingest(run, task.id());
            }
            PhaseCounts totals = ledger.completedPartitionTotals(run.runKey(), Phase.INGRESS);
            StepCounts.record(context, totals.read(), totals.published(), totals.rejected());
            return RepeatStatus.FINISHED;
        }).build();
        // the arguments are read when the job launches, not at start-up: a bad one then ends the task
        // execution SCDF recorded, with its reason as the exit message, instead of stopping the context first
        return jobs.get("offstreamIngressJob").incrementer(new UniqueLaunchIncrementer(() -> runProperties.toParameters().runKey()))
                .start(step).listener(new PhaseListener(planned, ledger, task)).build();
    }

    /** The consumer groups that read the run's ingress topic: the service's, and the candidate's in a simulation. */
    private static List<String> servingGroups(LedgerRun run) {
        return run.sides().stream().map(RunSide::consumerGroup).toList();
    }

    /**
     * Records the phase as a whole: RUNNING at the start, COMPLETED (with totals and status INGRESSED)
     * or FAILED at the end; nothing for a launch whose run could not be found (it fails on that).
     */
    record PhaseListener(PlannedRun planned, RunLedger ledger, TaskExecutionIdHolder task) implements JobExecutionListener {

        @Override
        public void beforeJob(JobExecution execution) {
            ledger.startPhase(planned.get().runKey(), Phase.INGRESS, task.id());
        }

        @Override
        public void afterJob(JobExecution execution) {
            if (planned.resolved().isEmpty()) {
                return;
            }
            LedgerRun run = planned.resolved().get();
            PhaseCounts totals = ledger.completedPartitionTotals(run.runKey(), Phase.INGRESS);
            if (ExitStatus.COMPLETED.getExitCode().equals(execution.getExitStatus().getExitCode())) {
                String summary = String.format("ingress complete: read %d, rejected %d, published %d; end offsets %s", totals.read(),
                        totals.rejected(), totals.published(), ledger.topicOffsets(run.runKey(), Phase.INGRESS, run.topics().ingress()));
                ledger.completePhase(run.runKey(), Phase.INGRESS, totals, summary);
                ledger.updateRunStatus(run.runKey(), "INGRESSED");
                ledger.recordEvent(run.runKey(), Phase.INGRESS, summary);
                log.info("Run {}: {}", run.runKey(), summary);
            } else {
                String message = execution.getAllFailureExceptions().stream().map(Throwable::getMessage).findFirst()
                        .orElse(execution.getExitStatus().getExitDescription());
                ledger.failPhase(run.runKey(), Phase.INGRESS, totals, message);
                log.error("Run {}: ingress failed: {}", run.runKey(), message);
            }
        }
    }

    /**
     * The planned run this launch is for, looked up in the ledger once, when the job starts: not
     * planned, planned with other arguments, or without partitions fails the job, one line, as its
     * exit description.
     */
    static final class PlannedRun {

        private final RunProperties runProperties;

        private final RunLedger ledger;

        private LedgerRun run;

        PlannedRun(RunProperties runProperties, RunLedger ledger) {
            this.runProperties = runProperties;
            this.ledger = ledger;
        }

        synchronized LedgerRun get() {
            if (run == null) {
                run = resolve();
            }
            return run;
        }

        synchronized Optional<LedgerRun> resolved() {
            return Optional.ofNullable(run);
        }

        private LedgerRun resolve() {
            RunParameters params = runProperties.toParameters();
            LedgerRun found = ledger.findRun(params.runKey()).orElseThrow(() -> new IllegalStateException("Run " + params.runKey()
                    + " is not planned: run offstream-plan with the same offstream.run.* arguments first"));
            if (!found.parameters().sameRunAs(params)) {
                throw new IllegalStateException("Run " + params.runKey() + " was planned with other arguments: " + found.parameters());
            }
            if (!found.parameters().landing().equals(params.landing())) {
                log.warn("Run {} was planned with landing {}; using it (this launch says {})", params.runKey(),
                        found.parameters().landing(), params.landing());
            }
            if (ledger.partitions(found.runKey()).isEmpty()) {
                throw new IllegalStateException("Run " + found.runKey() + " has no planned partitions");
            }
            return found;
        }
    }
}
