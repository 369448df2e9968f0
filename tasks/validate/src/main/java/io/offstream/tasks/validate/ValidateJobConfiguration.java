package io.offstream.tasks.validate;

import java.time.Clock;

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
import io.offstream.tasks.support.catalogue.ServicesProperties;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.run.RunProperties;
import io.offstream.tasks.support.topics.KafkaProperties;
import io.offstream.tasks.validate.report.RunReportCollector;
import io.offstream.tasks.validate.report.RunReportWriter;

/** The validate job: one step, {@code reconcile}, recorded in the ledger as phase VALIDATE; fails the task when the run does not reconcile. */
@Configuration(proxyBeanMethods = false)
class ValidateJobConfiguration {

    @Bean
    Job offstreamValidateJob(JobBuilderFactory jobs, Step reconcile, RunProperties run) {
        return jobs.get("offstreamValidateJob")
                .incrementer(new UniqueLaunchIncrementer(() -> run.toParameters().runKey()))
                .start(reconcile).build();
    }

    @Bean
    Step reconcile(StepBuilderFactory steps, RunProperties run, KafkaProperties kafka, ServicesProperties services,
            ValidateProperties settings, RunLedger ledger, TaskExecutionIdHolder task) {
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        RunValidator validator = new RunValidator(ledger, new TopicKeys(kafka.clientProperties(), settings.topicStallTimeout()),
                new ParquetKeys(hadoop), settings.toSortSettings(), new Reconciliation(settings.toleratedLoss(), settings.budgets(), settings.keysToName()),
                hadoop, services, new RunReportWriter(new RunReportCollector(ledger, hadoop, Clock.systemUTC()), hadoop),
                settings.allowSkippedFiles());
        return steps.get("reconcile").tasklet((contribution, context) -> {
            String key = run.toParameters().runKey();
            LedgerRun planned = ledger.findRun(key).orElseThrow(() -> new IllegalStateException(
                    "Run " + key + " is not in the ledger: nothing to validate"));
            ValidationReport report = validator.validate(planned, run.toSide(), task.id());
            StepCounts.record(context, report.sourceRows(), report.landedDistinct(), report.rejectedRows() + report.deadLettered());
            if (!report.passed()) {
                throw new IllegalStateException("Run " + key + " did not validate: " + report.summary());
            }
            return RepeatStatus.FINISHED;
        }).build();
    }
}
