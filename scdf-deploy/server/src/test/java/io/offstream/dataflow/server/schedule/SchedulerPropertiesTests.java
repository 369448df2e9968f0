package io.offstream.dataflow.server.schedule;

import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Enabled.class);

    @Test
    void defaultsRunOnceAfterDowntimeAndForbidOverlappingRuns() {
        context.run(started -> {
            SchedulerProperties properties = started.getBean(SchedulerProperties.class);
            assertThat(properties.misfirePolicy()).isEqualTo(MisfirePolicy.RUN_ONCE);
            assertThat(properties.concurrencyPolicy()).isEqualTo(ConcurrencyPolicy.FORBID);
            assertThat(properties.misfireThreshold()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.threadCount()).isEqualTo(4);
            assertThat(properties.zone().toZoneId()).isEqualTo(ZoneId.systemDefault());
        });
    }

    @Test
    void bindsEveryOption() {
        context.withPropertyValues("offstream.scheduler.misfire-policy=skip", "offstream.scheduler.misfire-threshold=1m",
                "offstream.scheduler.concurrency-policy=allow", "offstream.scheduler.thread-count=2",
                "offstream.scheduler.time-zone=UTC", "offstream.scheduler.clustered=true").run(started -> {
                    SchedulerProperties properties = started.getBean(SchedulerProperties.class);
                    assertThat(properties.misfirePolicy()).isEqualTo(MisfirePolicy.SKIP);
                    assertThat(properties.misfireThreshold()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(properties.concurrencyPolicy()).isEqualTo(ConcurrencyPolicy.ALLOW);
                    assertThat(properties.threadCount()).isEqualTo(2);
                    assertThat(properties.zone().getID()).isEqualTo("UTC");
                    assertThat(properties.clustered()).isTrue();
                });
    }

    @Test
    void refusesToStartWithValuesThatCannotWork() {
        context.withPropertyValues("offstream.scheduler.thread-count=0")
                .run(started -> assertThat(started).hasFailed().getFailure().hasStackTraceContaining("threadCount"));
        context.withPropertyValues("offstream.scheduler.misfire-threshold=0s")
                .run(started -> assertThat(started).hasFailed().getFailure().hasStackTraceContaining("misfireThreshold"));
        context.withPropertyValues("offstream.scheduler.misfire-policy=sometimes")
                .run(started -> assertThat(started).hasFailed().getFailure().hasStackTraceContaining("sometimes"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SchedulerProperties.class)
    static class Enabled {
    }
}
