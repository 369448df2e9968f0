package io.offstream.tasks.validate.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.RunSample;

/** The run's time series as the report charts them, one point per sample the phases recorded (never per row). */
public final class RunSeries {

    /** One point of a chart: when, and the value then. */
    public record Point(Instant at, double value) {
    }

    private RunSeries() {
    }

    /**
     * Per phase (in phase order), rows per second between consecutive samples of its {@link RunSample#ROWS}
     * series, at the later sample's time; a count that went down (a restarted attempt counts again) starts over.
     */
    public static Map<String, List<Point>> throughput(List<RunSample> samples) {
        Map<Phase, List<RunSample>> rows = new TreeMap<>();
        for (RunSample sample : samples) {
            if (RunSample.ROWS.equals(sample.series())) {
                rows.computeIfAbsent(sample.phase(), p -> new ArrayList<>()).add(sample);
            }
        }
        Map<String, List<Point>> rates = new LinkedHashMap<>();
        rows.forEach((phase, series) -> {
            List<RunSample> ordered = series.stream().sorted(Comparator.comparing(RunSample::at)).toList();
            List<Point> points = new ArrayList<>();
            for (int i = 1; i < ordered.size(); i++) {
                RunSample before = ordered.get(i - 1);
                RunSample after = ordered.get(i);
                long millis = Duration.between(before.at(), after.at()).toMillis();
                long done = after.value() - before.value();
                if (millis > 0 && done >= 0) {
                    points.add(new Point(after.at(), done * 1000.0 / millis));
                }
            }
            if (!points.isEmpty()) {
                rates.put(phase.name(), points);
            }
        });
        return rates;
    }

    /** Per consumer group (by name), its lag over time: every {@code lag:<group>} sample of any phase, in time order. */
    public static Map<String, List<Point>> lag(List<RunSample> samples) {
        Map<String, List<Point>> lag = new TreeMap<>();
        for (RunSample sample : samples) {
            String group = sample.lagGroup();
            if (group != null) {
                lag.computeIfAbsent(group, g -> new ArrayList<>()).add(new Point(sample.at(), sample.value()));
            }
        }
        lag.values().forEach(points -> points.sort(Comparator.comparing(Point::at)));
        return lag;
    }
}
