package io.offstream.tasks.sample;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.JobBuilderFactory;
import org.springframework.batch.core.configuration.annotation.StepBuilderFactory;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** One job, one step: write the dataset. Rewriting it is idempotent (same seed, same rows). */
@Configuration(proxyBeanMethods = false)
class SampleJobConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SampleJobConfiguration.class);

    @Bean
    Job sampleWarehouseJob(JobBuilderFactory jobs, Step writeSampleWarehouse) {
        // A unique key per launch: parallel launches must not collide on a sequential run.id.
        return jobs.get("sampleWarehouseJob")
                .incrementer(p -> new JobParametersBuilder(p == null ? new JobParameters() : p)
                        .addString("launch.id", UUID.randomUUID().toString()).toJobParameters())
                .start(writeSampleWarehouse).build();
    }

    @Bean
    Step writeSampleWarehouse(StepBuilderFactory steps, SampleProperties options, Environment environment) {
        return steps.get("writeSampleWarehouse").tasklet((contribution, chunkContext) -> {
            String path = environment.resolveRequiredPlaceholders(options.pathOrDefault());
            java.net.URI uri = toUri(path);
            log.info("Writing sample {} warehouse to {}: {} days x {} rows from {}, bad-row fraction {}, seed {}",
                    options.getDataset().folderName(), uri, options.getDays(), options.getRowsPerDay(), options.getStartDate(),
                    options.getBadRowFraction(), options.getSeed());
            long start = System.nanoTime();
            Map<String, Object> summary = new SampleWarehouseWriter(new org.apache.hadoop.conf.Configuration()).write(uri, options);
            log.info("Sample warehouse written: {} rows in {} ms at {}", summary.get("rows"),
                    (System.nanoTime() - start) / 1_000_000, uri);
            return RepeatStatus.FINISHED;
        }).build();
    }

    static java.net.URI toUri(String path) {
        if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:/.*")) {
            return java.net.URI.create(path);
        }
        return java.nio.file.Path.of(path).toAbsolutePath().normalize().toUri();
    }
}
