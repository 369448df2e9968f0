package io.offstream.tasks.lagwait;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.JobBuilderFactory;
import org.springframework.batch.core.configuration.annotation.StepBuilderFactory;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.offstream.tasks.support.batch.StepCounts;
import io.offstream.tasks.support.batch.TaskExecutionIdHolder;
import io.offstream.tasks.support.batch.UniqueLaunchIncrementer;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.progress.ProgressProperties;
import io.offstream.tasks.support.progress.RunSampler;
import io.offstream.tasks.support.run.RunParameters;
import io.offstream.tasks.support.run.RunProperties;
import io.offstream.tasks.support.run.RunSide;
import io.offstream.tasks.support.topics.KafkaProperties;

/** The lag-wait job: one step, {@code drain}, recorded in the ledger as phase LAG_WAIT. */
@Configuration(proxyBeanMethods = false)
class LagWaitJobConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LagWaitJobConfiguration.class);

    @Bean
    Job offstreamLagWaitJob(JobBuilderFactory jobs, Step drain, RunProperties run) {
        return jobs.get("offstreamLagWaitJob")
                .incrementer(new UniqueLaunchIncrementer(() -> run.toParameters().runKey()))
                .start(drain).build();
    }

    @Bean
    Step drain(StepBuilderFactory steps, RunProperties run, KafkaProperties kafka, LagWaitProperties settings,
            RunLedger ledger, TaskExecutionIdHolder task, ProgressProperties sampling) {
        return steps.get("drain").tasklet((contribution, context) -> {
            RunParameters parameters = run.toParameters();
            String key = parameters.runKey();
            LedgerRun planned = ledger.findRun(key).orElseThrow(() -> new IllegalStateException(
                    "Run " + key + " is not in the ledger: run offstream-plan and offstream-ingress first"));
            String topic = planned.topics().ingress();
            Map<Integer, Long> endOffsets = ledger.topicOffsets(key, Phase.INGRESS, topic);
            if (endOffsets.isEmpty()) {
                throw new IllegalStateException("Ingress recorded no end offsets for " + topic + " of run " + key
                        + ": run offstream-ingress to completion first");
            }
            // in a simulation each version's consumer group drains the one ingress topic; the candidate's wait is its own row
            RunSide side = planned.side(run.toSide());
            Phase phase = side.phase(Phase.LAG_WAIT);
            String group = settings.groupFor(side.service());
            ledger.startPhase(key, phase, task.id());
            try (KafkaCommittedOffsets offsets = new KafkaCommittedOffsets(kafka.clientProperties(), kafka.getAdminTimeout())) {
                DrainMonitor monitor = new DrainMonitor(offsets, settings, progress -> {
                    log.info(progress.describe());
                    ledger.recordEvent(key, phase, progress.describe());
                });
                DrainProgress drained;
                try (RunSampler sampler = RunSampler.start(ledger, key, phase, sampling.getSampleInterval(),
                        () -> monitor.latest().map(p -> p.samples(phase, Instant.now())).orElse(List.of()))) {
                    drained = monitor.await(group, topic, endOffsets);
                }
                ledger.completePhase(key, phase, new PhaseCounts(0, 0, 0, drained.total(), 0, 0, 0),
                        "group " + group + " committed all " + drained.total() + " ingress records");
                StepCounts.record(context, drained.total(), drained.total(), 0);
            }
            catch (DrainFailedException e) {
                ledger.failPhase(key, phase, PhaseCounts.NONE, e.getMessage());
                throw e;
            }
            return RepeatStatus.FINISHED;
        }).build();
    }
}
