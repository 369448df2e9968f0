package io.offstream.tasks.egress;

import java.nio.file.Path;

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
import io.offstream.tasks.support.engine.ChildJvmSubmitter;
import io.offstream.tasks.support.engine.EmbeddedEngineFiles;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.run.RunProperties;
import io.offstream.tasks.support.topics.KafkaProperties;

/** The egress job: one step, {@code land}, recorded in the ledger as phase EGRESS. */
@Configuration(proxyBeanMethods = false)
class EgressJobConfiguration {

    @Bean
    Job offstreamEgressJob(JobBuilderFactory jobs, Step land, RunProperties run) {
        return jobs.get("offstreamEgressJob")
                .incrementer(new UniqueLaunchIncrementer(() -> run.toParameters().runKey()))
                .start(land).build();
    }

    @Bean
    Step land(StepBuilderFactory steps, RunProperties run, KafkaProperties kafka, ServicesProperties services, EgressProperties settings,
            RunLedger ledger, TaskExecutionIdHolder task) {
        RunLander lander = new RunLander(ledger, new ChildJvmSubmitter(settings.classDataSharing()), settings, kafka.getBootstrapServers(), kafka.getClient(),
                services.locationUri());
        EmbeddedEngineFiles embedded = new EmbeddedEngineFiles(FlinkJobJar.EMBEDDED, EmbeddedEngineFiles.defaultCache(),
                getClass().getClassLoader());
        return steps.get("land").tasklet((contribution, context) -> {
            String key = run.toParameters().runKey();
            LedgerRun planned = ledger.findRun(key).orElseThrow(() -> new IllegalStateException(
                    "Run " + key + " is not in the ledger: run offstream-plan, -ingress and -lag-wait first"));
            Path workDirectory = settings.workDirectory() != null ? settings.workDirectory()
                    : Path.of(System.getProperty("java.io.tmpdir"), "offstream-egress");
            PhaseCounts counts = lander.land(planned, run.toSide(), FlinkJobJar.resolve(settings.jobJar(), embedded), workDirectory,
                    task.id());
            StepCounts.record(context, counts.read(), counts.landed(), counts.duplicates());
            return RepeatStatus.FINISHED;
        }).build();
    }
}
