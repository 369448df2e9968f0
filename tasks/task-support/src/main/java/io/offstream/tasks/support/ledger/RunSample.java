package io.offstream.tasks.support.ledger;

import java.time.Instant;

/**
 * One point of a run's time series (ledger table {@code OFFSTREAM_RUN_SAMPLE}).
 *
 * @param phase the phase that recorded it
 * @param series {@link #ROWS} (rows the phase has done), {@link #PARTITIONS} or {@code lag:<group>} ({@link #lag})
 * @param at when
 * @param value the count at that moment
 * @param total what the count goes up to, when known; null otherwise
 */
public record RunSample(Phase phase, String series, Instant at, long value, Long total) {

    /** Rows (records, keys) the phase has done so far. */
    public static final String ROWS = "rows";

    /** Partitions the phase has finished, of its planned partitions. */
    public static final String PARTITIONS = "partitions";

    private static final String LAG = "lag:";

    /** The series of a consumer group's lag on the run's ingress topic. */
    public static String lag(String group) {
        return LAG + group;
    }

    /** The group of a lag series; null for any other series. */
    public String lagGroup() {
        return series.startsWith(LAG) ? series.substring(LAG.length()) : null;
    }
}
