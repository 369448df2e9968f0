package io.offstream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The benchmark's sizes, from system properties ({@code -Dbench.*}). The defaults keep a whole run
 * to a few minutes on two cores; every value is checked before the broker starts.
 *
 * @param records records of the raw pipes and of the no-op stage ({@code bench.records})
 * @param slowRecords records of the 20 ms stage ({@code bench.slow.records})
 * @param paretoRecords records of each heavy-tailed stage ({@code bench.pareto.records})
 * @param partitions partitions of every ingress and egress topic ({@code bench.partitions})
 * @param paretoConcurrency calls in flight at once in each heavy-tailed stage ({@code bench.pareto.concurrency})
 * @param chunkSize the Spring Batch job's chunk size ({@code bench.batch.chunk})
 * @param stageTimeout how long one stage may take before the run gives up ({@code bench.stage.timeout}, seconds)
 * @param stages the stages to run, e.g. {@code 1b,2} ({@code bench.stages}); empty = all
 */
record BenchmarkOptions(int records, int slowRecords, int paretoRecords, int partitions, int paretoConcurrency,
        int chunkSize, Duration stageTimeout, java.util.Set<String> stages) {

    boolean runs(String stage) {
        return stages.isEmpty() || stages.contains(stage);
    }

    static BenchmarkOptions fromSystemProperties() {
        return parse(System.getProperties());
    }

    /** Reads every option, then refuses the lot if any is not a positive whole number. */
    static BenchmarkOptions parse(Properties properties) {
        List<String> problems = new ArrayList<>();
        int records = positive(properties, "bench.records", 200_000, problems);
        int slowRecords = positive(properties, "bench.slow.records", 200_000, problems);
        int paretoRecords = positive(properties, "bench.pareto.records", 20_000, problems);
        int partitions = positive(properties, "bench.partitions", 8, problems);
        int paretoConcurrency = positive(properties, "bench.pareto.concurrency", 64, problems);
        int chunkSize = positive(properties, "bench.batch.chunk", 500, problems);
        int timeoutSeconds = positive(properties, "bench.stage.timeout", 300, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Bad benchmark options: " + String.join("; ", problems));
        }
        java.util.Set<String> stages = new java.util.TreeSet<>();
        for (String stage : properties.getProperty("bench.stages", "").split(",")) {
            if (!stage.isBlank()) {
                stages.add(stage.strip());
            }
        }
        return new BenchmarkOptions(records, slowRecords, paretoRecords, partitions, paretoConcurrency, chunkSize,
                Duration.ofSeconds(timeoutSeconds), java.util.Set.copyOf(stages));
    }

    private static int positive(Properties properties, String name, int defaultValue, List<String> problems) {
        String text = properties.getProperty(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.strip().replace("_", ""));
            if (value > 0) {
                return value;
            }
        }
        catch (NumberFormatException notANumber) {
            // reported below with the others
        }
        problems.add(name + " must be a positive whole number, not '" + text + "'");
        return defaultValue;
    }
}
