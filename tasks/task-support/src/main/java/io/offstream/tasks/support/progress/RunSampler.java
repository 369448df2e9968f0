package io.offstream.tasks.support.progress;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.ledger.RunSample;

/**
 * Records a phase's time series into the ledger while it works: every interval it asks its source
 * for the current points (rows done, a consumer group's lag) and appends them, and once more when
 * closed, so the series ends where the phase ended. Each series' newest value is also the Micrometer
 * gauge {@code offstream.run.progress} (tags run, phase, series), with {@code offstream.run.progress.total}
 * where the total is known, for the task's metrics. A failed sample is logged and skipped: progress
 * must never fail the phase it reports on.
 */
public final class RunSampler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunSampler.class);

    private final RunLedger ledger;

    private final String runKey;

    private final Phase phase;

    private final Supplier<List<RunSample>> source;

    private final ScheduledExecutorService timer;

    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    private RunSampler(RunLedger ledger, String runKey, Phase phase, Supplier<List<RunSample>> source) {
        this.ledger = ledger;
        this.runKey = runKey;
        this.phase = phase;
        this.source = source;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "offstream-sampler-" + phase.name().toLowerCase());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Samples now, on the caller's thread, then every {@code interval} until closed. */
    public static RunSampler start(RunLedger ledger, String runKey, Phase phase, Duration interval, Supplier<List<RunSample>> source) {
        RunSampler sampler = new RunSampler(ledger, runKey, phase, source);
        sampler.sample();
        long every = Math.max(100, interval.toMillis());
        sampler.timer.scheduleWithFixedDelay(sampler::sample, every, every, TimeUnit.MILLISECONDS);
        return sampler;
    }

    private void sample() {
        try {
            List<RunSample> samples = source.get();
            ledger.recordSamples(runKey, phase, samples);
            for (RunSample sample : samples) {
                gauge("offstream.run.progress", sample.series()).set(sample.value());
                if (sample.total() != null) {
                    gauge("offstream.run.progress.total", sample.series()).set(sample.total());
                }
            }
        }
        catch (RuntimeException e) {
            log.debug("Progress sample of {} {} skipped: {}", runKey, phase, e.getMessage());
        }
    }

    private AtomicLong gauge(String name, String series) {
        return gauges.computeIfAbsent(name + " " + series, key -> Metrics.globalRegistry.gauge(name,
                Tags.of("run", runKey, "phase", phase.name(), "series", series), new AtomicLong()));
    }

    /** Stops the timer and records the last points. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
