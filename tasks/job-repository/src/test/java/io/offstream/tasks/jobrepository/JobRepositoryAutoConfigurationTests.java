package io.offstream.tasks.jobrepository;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.configuration.annotation.BatchConfigurer;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.JobBuilderFactory;
import org.springframework.batch.core.configuration.annotation.StepBuilderFactory;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.batch.BatchAutoConfiguration;
import org.springframework.boot.autoconfigure.batch.BasicBatchConfigurer;
import org.springframework.boot.autoconfigure.batch.BatchProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class JobRepositoryAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                    BatchAutoConfiguration.class, JobRepositoryAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:jobs-${random.uuid}", "spring.batch.job.enabled=false",
                    "spring.batch.jdbc.initialize-schema=always");

    @Test
    void aTaskGetsTheReadCommittedConfigurerAndItsJobsRun() {
        runner.withUserConfiguration(OneJob.class).run(context -> {
            assertThat(context).hasSingleBean(BatchConfigurer.class);
            assertThat(context.getBean(BatchConfigurer.class)).isInstanceOf(ReadCommittedBatchConfigurer.class);
            assertThat(context.getBean(ReadCommittedBatchConfigurer.class).determineIsolationLevel()).isEqualTo("ISOLATION_READ_COMMITTED");

            var execution = context.getBean(JobLauncher.class).run(context.getBean(Job.class),
                    new JobParametersBuilder().addLong("n", 1L).toJobParameters());
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        });
    }

    @Test
    void aTaskThatDefinesItsOwnConfigurerKeepsIt() {
        runner.withUserConfiguration(OneJob.class, OwnConfigurer.class).run(context -> {
            assertThat(context).hasSingleBean(BatchConfigurer.class);
            assertThat(context.getBean(BatchConfigurer.class)).isNotInstanceOf(ReadCommittedBatchConfigurer.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableBatchProcessing
    static class OneJob {

        @Bean
        Job job(JobBuilderFactory jobs, StepBuilderFactory steps) {
            return jobs.get("one").start(steps.get("step").tasklet((contribution, chunk) -> RepeatStatus.FINISHED).build()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnConfigurer {

        @Bean
        BatchConfigurer ownConfigurer(DataSource dataSource) {
            return new BasicBatchConfigurer(new BatchProperties(), dataSource, null) {
            };
        }
    }
}
