package io.offstream.consumer.app.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.TurboFilterList;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogEventCounterTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final LogEventCounter counter = new LogEventCounter();

    private final org.slf4j.Logger log = LoggerFactory.getLogger(LogEventCounterTests.class);

    @AfterEach
    void detach() {
        counter.close();
    }

    @Test
    void countsTheEventsWrittenByLevelWithoutATurboFilter() {
        TurboFilterList turboFilters = ((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList();
        int filtersBefore = turboFilters.size();
        counter.bindTo(registry);

        log.error("one error");
        log.warn("one warning");
        log.warn("another warning");
        log.trace("below the level: not written, not counted");

        assertThat(count("error")).isEqualTo(1);
        assertThat(count("warn")).isEqualTo(2);
        assertThat(count("trace")).isZero();
        assertThat(turboFilters).hasSize(filtersBefore);
    }

    @Test
    void stopsCountingOnceClosed() {
        counter.bindTo(registry);
        counter.close();
        log.error("after close");
        assertThat(count("error")).isZero();
        assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender(LogEventCounter.APPENDER_NAME)).isNull();
    }

    private double count(String level) {
        return registry.get("logback.events").tag("level", level).counter().count();
    }
}
