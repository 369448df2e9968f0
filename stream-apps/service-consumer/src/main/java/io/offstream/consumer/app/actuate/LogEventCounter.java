package io.offstream.consumer.app.actuate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code logback.events} counter (tagged by {@code level}, as Micrometer's {@code LogbackMetrics}
 * names it), counted by an appender on the root logger rather than a turbo filter. The app excludes
 * Boot's {@code LogbackMetricsAutoConfiguration}: its turbo filter runs on every
 * {@code isTraceEnabled}/{@code isDebugEnabled} check of every logger, several per result in the
 * Kafka clients, where this appender runs only for events that are written. It counts the events that
 * reach the root logger's appenders (not those of a logger with additivity off).
 */
@Component
public class LogEventCounter implements MeterBinder, AutoCloseable {

    static final String APPENDER_NAME = "offstream-log-event-counter";

    private CountingAppender appender;

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return; // another logging system: nothing to count with
        }
        if (appender != null) {
            return; // one appender, on the first registry Boot binds: a second would count every event twice
        }
        CountingAppender counting = new CountingAppender(registry);
        counting.setName(APPENDER_NAME);
        counting.setContext(context);
        counting.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(counting);
        appender = counting;
    }

    /** Detaches the appender: a context that is closed stops counting. */
    @Override
    public synchronized void close() {
        if (appender != null) {
            ((LoggerContext) appender.getContext()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
            appender = null;
        }
    }

    private static final class CountingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

        private final Counter error;

        private final Counter warn;

        private final Counter info;

        private final Counter debug;

        private final Counter trace;

        CountingAppender(MeterRegistry registry) {
            this.error = counter(registry, "error");
            this.warn = counter(registry, "warn");
            this.info = counter(registry, "info");
            this.debug = counter(registry, "debug");
            this.trace = counter(registry, "trace");
        }

        private static Counter counter(MeterRegistry registry, String level) {
            return Counter.builder("logback.events").tag("level", level).baseUnit("events")
                    .description("Log events written, by level").register(registry);
        }

        @Override
        protected void append(ILoggingEvent event) {
            switch (event.getLevel().toInt()) {
                case Level.ERROR_INT -> error.increment();
                case Level.WARN_INT -> warn.increment();
                case Level.INFO_INT -> info.increment();
                case Level.DEBUG_INT -> debug.increment();
                case Level.TRACE_INT -> trace.increment();
                default -> {
                }
            }
        }
    }
}
