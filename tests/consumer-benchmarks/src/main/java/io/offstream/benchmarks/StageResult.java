package io.offstream.benchmarks;

/**
 * What one stage measured: its records and the seconds from the first record to the last result
 * acknowledged; and its steady state, the records after the first fifth and the seconds they took.
 */
record StageResult(String stage, long records, double seconds, long steadyRecords, double steadySeconds) {

    double rate() {
        return records / seconds;
    }

    /** The rate once the first fifth of the results are in. */
    double steadyRate() {
        return steadyRecords / steadySeconds;
    }

    /** The line printed as soon as the stage ends, before the table. */
    String summary() {
        return String.format("  %s: %,d records in %.2f s = %,.0f records/s; after the first fifth %,.0f records/s", stage,
                records, seconds, rate(), steadyRate());
    }
}
