package io.offstream.tasks.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class ValidatePropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Enabled.class);

    @Test
    void defaultsTolerateNoLossAndSortIn64MegabytesUnderTheTemporaryDirectory() {
        context.run(started -> {
            ValidateProperties properties = started.getBean(ValidateProperties.class);
            assertThat(properties.toleratedLoss()).isZero();
            assertThat(properties.keysToName()).isEqualTo(20);
            assertThat(properties.topicStallTimeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(properties.budgets()).isEqualTo(new ValidationBudgets(0.01, 0));
            assertThat(properties.allowSkippedFiles()).isFalse();
            assertThat(properties.sortBuffer()).isEqualTo(DataSize.ofMegabytes(64));
            assertThat(properties.toSortSettings().spillDirectory()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
            assertThat(properties.toSortSettings().bufferBytes()).isEqualTo(64L << 20);
        });
    }

    @Test
    void bindsEveryOption() {
        context.withPropertyValues("offstream.validate.tolerated-loss=0.01", "offstream.validate.keys-to-name=5",
                "offstream.validate.topic-stall-timeout=30m", "offstream.validate.spill-directory=/var/tmp/validate",
                "offstream.validate.sort-buffer=256MB", "offstream.validate.max-rejected-fraction=0.1",
                "offstream.validate.max-dead-lettered-fraction=0.001", "offstream.validate.allow-skipped-files=true").run(started -> {
                    ValidateProperties properties = started.getBean(ValidateProperties.class);
                    assertThat(properties.toleratedLoss()).isEqualTo(0.01);
                    assertThat(properties.keysToName()).isEqualTo(5);
                    assertThat(properties.topicStallTimeout()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(properties.budgets()).isEqualTo(new ValidationBudgets(0.1, 0.001));
                    assertThat(properties.allowSkippedFiles()).isTrue();
                    assertThat(properties.toSortSettings().spillDirectory()).isEqualTo(Path.of("/var/tmp/validate"));
                    assertThat(properties.toSortSettings().bufferBytes()).isEqualTo(256L << 20);
                });
    }

    @Test
    void refusesToStartWithValuesThatCannotWork() {
        context.withPropertyValues("offstream.validate.topic-stall-timeout=0s")
                .run(started -> assertThat(started).hasFailed().getFailure().hasStackTraceContaining("topicStallTimeout"));
        context.withPropertyValues("offstream.validate.max-rejected-fraction=1.5")
                .run(started -> assertThat(started).hasFailed().getFailure().hasStackTraceContaining("maxRejectedFraction"));
        context.withPropertyValues("offstream.validate.keys-to-name=0")
                .run(started -> assertThat(started).hasFailed().getFailure().hasStackTraceContaining("keysToName"));
        context.withPropertyValues("offstream.validate.sort-buffer=100KB").run(started -> assertThat(started).hasFailed().getFailure()
                .hasStackTraceContaining("offstream.validate.sort-buffer must be between 1MB and 1GB, was 102400B"));
        context.withPropertyValues("offstream.validate.sort-buffer=2GB").run(started -> assertThat(started).hasFailed().getFailure()
                .hasStackTraceContaining("offstream.validate.sort-buffer must be between 1MB and 1GB"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ValidateProperties.class)
    static class Enabled {
    }
}
