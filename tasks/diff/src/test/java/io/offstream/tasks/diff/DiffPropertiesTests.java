package io.offstream.tasks.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.offstream.tasks.support.engine.SparkJobSubmission;

class DiffPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Enabled.class);

    @Test
    void defaultsSampleTwentyKeysWithSparkInAChildJvm() {
        context.run(started -> {
            SparkJobSubmission.Settings spark = started.getBean(DiffProperties.class).toSparkSettings();
            assertThat(started.getBean(DiffProperties.class).getSampleSize()).isEqualTo(io.offstream.contract.jobs.DiffJobOptions.DEFAULT_SAMPLE_SIZE);
            assertThat(spark.engine()).isEqualTo(SparkJobSubmission.Engine.CHILD_JVM);
            assertThat(spark.master()).isEqualTo("local[*]");
            assertThat(spark.jvmOptions()).containsExactly("-Xmx2g", "-XX:+UseParallelGC");
            assertThat(spark.classDataSharing()).isTrue();
            assertThat(spark.optionPrefix()).isEqualTo("offstream.diff");
        });
    }

    @Test
    void bindsEveryOption() {
        context.withPropertyValues("offstream.diff.sample-size=0", "offstream.diff.engine=spark-submit", "offstream.diff.master=spark://m:7077",
                "offstream.diff.spark-home=/opt/spark", "offstream.diff.job-jar=/j/job.jar", "offstream.diff.job-lib=/j/lib",
                "offstream.diff.jvm-options=-Xmx4g", "offstream.diff.class-data-sharing=false",
                "offstream.diff.spark-conf.spark.sql.shuffle.partitions=64", "offstream.diff.timeout=2h").run(started -> {
                    DiffProperties properties = started.getBean(DiffProperties.class);
                    SparkJobSubmission.Settings spark = properties.toSparkSettings();
                    assertThat(properties.getSampleSize()).isZero();
                    assertThat(properties.getTimeout()).isEqualTo(Duration.ofHours(2));
                    assertThat(spark).isEqualTo(new SparkJobSubmission.Settings("offstream.diff", SparkJobSubmission.Engine.SPARK_SUBMIT,
                            "spark://m:7077", "/opt/spark", "/j/job.jar", "/j/lib", List.of("-Xmx4g"), false,
                            java.util.Map.of("spark.sql.shuffle.partitions", "64")));
                });
    }

    @Test
    void refusesToStartWithASampleItCannotShow() {
        context.withPropertyValues("offstream.diff.sample-size=5000")
                .run(started -> assertThat(started).hasFailed().getFailure().hasStackTraceContaining("sampleSize"));
        context.withPropertyValues("offstream.diff.sample-size=-1")
                .run(started -> assertThat(started).hasFailed().getFailure().hasStackTraceContaining("sampleSize"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DiffProperties.class)
    static class Enabled {
    }
}
