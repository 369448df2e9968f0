package io.offstream.tests.runbenchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The benchmark's options, from system properties ({@code -Dbench.*} on the Maven command line).
 * Every problem is collected and reported at once, before anything is launched.
 *
 * @param sizes          source rows of each run, in order ({@code bench.sizes}, default 1M, 3M, 5M, 10M)
 * @param days           days each size is spread over; rows per day = size / days ({@code bench.days}, 10)
 * @param repeats        runs per size ({@code bench.repeats}, 1)
 * @param timeoutMinutes how long one run may take, handed to run-demo.sh ({@code bench.timeout-minutes}, 60)
 */
public record BenchmarkOptions(List<Long> sizes, int days, int repeats, int timeoutMinutes) {

    static final String DEFAULT_SIZES = "1000000,3000000,5000000,10000000";

    public static BenchmarkOptions from(Properties properties) {
        List<String> problems = new ArrayList<>();
        int days = positiveInt(properties, "bench.days", "10", problems);
        int repeats = positiveInt(properties, "bench.repeats", "1", problems);
        int timeout = positiveInt(properties, "bench.timeout-minutes", "60", problems);
        List<Long> sizes = new ArrayList<>();
        for (String value : properties.getProperty("bench.sizes", DEFAULT_SIZES).split(",")) {
            try {
                long size = Long.parseLong(value.trim().replace("_", ""));
                if (size <= 0) {
                    problems.add("bench.sizes: " + size + " is not a positive row count");
                }
                // a remainder would be dropped by rows-per-day, and the run would not be the size it says
                else if (days > 0 && size % days != 0) {
                    problems.add("bench.sizes: " + size + " is not a multiple of bench.days (" + days + ")");
                }
                sizes.add(size);
            }
            catch (NumberFormatException e) {
                problems.add("bench.sizes: '" + value.trim() + "' is not a number");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid options:\n  " + String.join("\n  ", problems));
        }
        return new BenchmarkOptions(List.copyOf(sizes), days, repeats, timeout);
    }

    public long rowsPerDay(long size) {
        return size / days;
    }

    private static int positiveInt(Properties properties, String key, String fallback, List<String> problems) {
        String value = properties.getProperty(key, fallback).trim();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        }
        catch (NumberFormatException e) {
            // reported below with the other problems
        }
        problems.add(key + ": '" + value + "' is not a positive whole number");
        return 0;
    }
}
