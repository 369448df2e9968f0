package io.offstream.tests.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.JobBuilderFactory;
import org.springframework.batch.core.configuration.annotation.StepBuilderFactory;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One job, one step: work for {@code probe.sleep}, then succeed or fail as configured. */
@Configuration(proxyBeanMethods = false)
class ProbeJobConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProbeJobConfiguration.class);

    @Bean
    Job probeJob(JobBuilderFactory jobs, Step probeStep) {
        // A unique key per launch: split branches launch probes at the same moment, and a
        // sequential run.id computed from the last instance would collide between them.
        return jobs.get("probeJob")
                .incrementer(parameters -> new JobParametersBuilder(parameters == null ? new JobParameters() : parameters)
                        .addString("run.key", UUID.randomUUID().toString()).toJobParameters())
                .start(probeStep).build();
    }

    @Bean
    Step probeStep(StepBuilderFactory steps, ProbeProperties probe,
            @org.springframework.beans.factory.annotation.Value("${offstream.run.key:}") String runKey) {
        return steps.get("probeStep").tasklet((contribution, chunkContext) -> {
            log.info("Probe working for {}", probe.sleep());
            Thread.sleep(probe.sleep().toMillis());
            long holdUntil = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
            while (probe.holdFile() != null && Files.exists(Path.of(probe.holdFile())) && System.nanoTime() < holdUntil) {
                Thread.sleep(200);
            }
            if (probe.fail()) {
                throw new IllegalStateException("Probe asked to fail (probe.fail=true)");
            }
            if (probe.failMarker() != null && Files.exists(Path.of(probe.failMarker()))) {
                throw new IllegalStateException("Probe asked to fail while " + probe.failMarker() + " exists");
            }
            if (probe.failMarkerDir() != null && !runKey.isEmpty() && Files.exists(Path.of(probe.failMarkerDir(), runKey))) {
                throw new IllegalStateException("Probe asked to fail while " + Path.of(probe.failMarkerDir(), runKey) + " exists");
            }
            return RepeatStatus.FINISHED;
        }).build();
    }
}
