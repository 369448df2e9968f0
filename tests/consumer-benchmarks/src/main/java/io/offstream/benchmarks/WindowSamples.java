package io.offstream.benchmarks;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The app's in-flight window over a stage, sampled every 20 ms from its gauges: how full the window
 * was on average, how many delivered records waited for room, and how often delivery was paused.
 * A stage whose window ran short of records was held back by delivery, not by its service calls.
 */
final class WindowSamples {

    private static final long EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Gauge inFlight;

    private final Gauge waiting;

    private final Gauge paused;

    private long samples;

    private double inFlightSum;

    private double waitingSum;

    private long pausedSamples;

    private long emptyReadAhead;

    private long last;

    WindowSamples(MeterRegistry registry) {
        this.inFlight = registry.find("offstream.consumer.in.flight").gauge();
        this.waiting = registry.find("offstream.consumer.waiting").gauge();
        this.paused = registry.find("offstream.consumer.paused").gauge();
    }

    void sample() {
        long now = System.nanoTime();
        if (inFlight == null || waiting == null || paused == null || now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        samples++;
        inFlightSum += inFlight.value();
        double waitingNow = waiting.value();
        waitingSum += waitingNow;
        if (waitingNow == 0) {
            emptyReadAhead++;
        }
        if (paused.value() > 0) {
            pausedSamples++;
        }
    }

    String summary() {
        if (samples == 0) {
            return "window not sampled";
        }
        return String.format("in flight %.0f on average, %.0f waiting for room; nothing waiting in %.0f%% of %d samples,"
                + " delivery paused in %.0f%%", inFlightSum / samples, waitingSum / samples, 100.0 * emptyReadAhead / samples,
                samples, 100.0 * pausedSamples / samples);
    }
}
