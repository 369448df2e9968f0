package io.offstream.benchmarks;

/** What one stage measured: its records and the seconds from the first record to the last result acknowledged. */
record StageResult(String stage, long records, double seconds) {

    double rate() {
        return records / seconds;
    }

    /** The line printed as soon as the stage ends, before the table. */
    String summary() {
        return String.format("  %s: %,d records in %.2f s = %,.0f records/s", stage, records, seconds, rate());
    }
}
