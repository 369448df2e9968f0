package io.offstream.tasks.composed;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ComposedTaskRunnerPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Options.class).withPropertyValues("graph=ct-a");

    @Test
    void aRunnerGivesUpOnAnUnreachableServerAfterFiveMinutesByDefault() {
        context.run(started -> assertThat(started.getBean(ComposedTaskRunnerProperties.class).serverUnreachableTimeout())
                .isEqualTo(Duration.ofMinutes(5)));
    }

    @Test
    void aBareServerUnreachableTimeoutIsMillisecondsAsSCDFsOtherRunnerOptions() {
        context.withPropertyValues("server-unreachable-timeout=90000").run(started -> assertThat(
                started.getBean(ComposedTaskRunnerProperties.class).serverUnreachableTimeout()).isEqualTo(Duration.ofSeconds(90)));
    }

    @Test
    void aServerUnreachableTimeoutOfZeroIsRefused() {
        context.withPropertyValues("server-unreachable-timeout=0").run(started -> assertThat(started).hasFailed()
                .getFailure().hasStackTraceContaining("serverUnreachableTimeout"));
    }

    @Test
    void aChildWhoseProcessIsGoneIsLostAfterTenSecondsByDefault() {
        context.run(started -> assertThat(started.getBean(ComposedTaskRunnerProperties.class).lostProcessGrace())
                .isEqualTo(Duration.ofSeconds(10)));
    }

    @Test
    void aChildWhoseProcessIsGoneIsLostNoSoonerThanTwoChecks() {
        context.withPropertyValues("process-gone-grace=1000", "interval-time-between-checks=3000").run(started -> assertThat(
                started.getBean(ComposedTaskRunnerProperties.class).lostProcessGrace()).isEqualTo(Duration.ofSeconds(6)));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ComposedTaskRunnerProperties.class)
    static class Options {
    }
}
