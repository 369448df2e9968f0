package io.offstream.benchmarks;

/**
 * What one stage measured: its records and the seconds from the first record to the last result
 * acknowledged; its steady state, the records after the first fifth and the seconds they took; and
 * the CPU seconds the whole JVM (broker included) used between the first record and the last result.
 */
record StageResult(String stage, long records, double seconds, long steadyRecords, double steadySeconds,
        double cpuSeconds) {

    /** CPU microseconds per record, the broker's share included. */
    double cpuMicrosPerRecord() {
        return cpuSeconds * 1e6 / records;
    }

    double rate() {
        return records / seconds;
    }

    /** The rate once the first fifth of the results are in. */
    double steadyRate() {
        return steadyRecords / steadySeconds;
    }

    /** The line printed as soon as the stage ends, before the table. */
    String summary() {
        return String.format("  %s: %,d records in %.2f s = %,.0f records/s; after the first fifth %,.0f records/s;"
                + " %.1f CPU s (%.1f us a record)", stage, records, seconds, rate(), steadyRate(), cpuSeconds,
                cpuMicrosPerRecord());
    }
}
