package io.offstream.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import io.offstream.kafka.broker.KraftBroker;
import io.offstream.kafka.broker.KraftBrokerSettings;
import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;

/**
 * Throughput of the service consumer app against its alternatives, in one run on one in-process KRaft
 * broker, printed as a Markdown table (README.md says what each stage measures):
 * <ol>
 * <li>a raw KafkaConsumer → KafkaProducer pipe, the ceiling, at {@code max.poll.records} 500 and 5,000;</li>
 * <li>the app with a no-op service, against the raw pipe's best: first in a JVM that has not run its
 * code yet, then its second run, once that code is compiled;</li>
 * <li>the app with a 20 ms service, against the ideal in-flight / latency;</li>
 * <li>a heavy-tailed service at equal concurrency in the app, Confluent's Parallel Consumer and a
 * Spring Batch chunk job.</li>
 * </ol>
 * Stages run one after the other, each on its own pre-filled topics, each consumer closed before the next
 * (the no-op app serves a second run before it is closed).
 */
public final class ConsumerBenchmark {

    private static final int APP_IN_FLIGHT = 256;

    private static final Duration SLOW_LATENCY = Duration.ofMillis(20);

    private final BenchmarkOptions options;

    private final BenchmarkTopics topics;

    private final RawPipe rawPipe;

    private final StreamAppRun app;

    private final ParallelConsumerRun parallelConsumer;

    private final SpringBatchRun springBatch;

    private final ParetoService pareto;

    private final ServiceCall paretoCall;

    private final Map<String, String> labels = new HashMap<>();

    private final Map<String, StageResult> results = new HashMap<>();

    private final Map<String, String> failures = new HashMap<>();

    /** The no-op service's app: stage 2 measures its first run, 2w its second. */
    private StreamAppRun.Serving noopApp;

    ConsumerBenchmark(BenchmarkOptions options, BenchmarkTopics topics, RawPipe rawPipe, StreamAppRun app,
            ParallelConsumerRun parallelConsumer, SpringBatchRun springBatch, ParetoService pareto, ServiceCall paretoCall) {
        this.options = options;
        this.topics = topics;
        this.rawPipe = rawPipe;
        this.app = app;
        this.parallelConsumer = parallelConsumer;
        this.springBatch = springBatch;
        this.pareto = pareto;
        this.paretoCall = paretoCall;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.fromSystemProperties();
        HistorySchemaStore store = HistorySchemaStore.fromClasspath();
        SpecificRecordCodec<Transaction> transactions = SpecificRecordCodec.of(Transaction.class, store);
        SpecificRecordCodec<RiskDecision> decisions = SpecificRecordCodec.of(RiskDecision.class, store);
        // median 5 ms, shape 1.5: mean about 9 ms, p99 about 68 ms, one call in 2,000 at the 500 ms cap
        ParetoService pareto = new ParetoService(Duration.ofMillis(5), 1.5, Duration.ofMillis(500));
        Path dir = Files.createTempDirectory("offstream-bench");
        try (KraftBroker broker = new KraftBroker(KraftBrokerSettings.builder(dir.resolve("broker")).freePorts().build()).start()) {
            String bootstrap = broker.bootstrapServers();
            System.out.printf("Broker %s, %d partitions, %d cores, load average %s%n", bootstrap, options.partitions(),
                    Runtime.getRuntime().availableProcessors(), loadAverage());
            new ConsumerBenchmark(options, new BenchmarkTopics(bootstrap, options.partitions(), transactions),
                    new RawPipe(bootstrap, options.stageTimeout()),
                    new StreamAppRun(bootstrap, Files.createDirectories(dir.resolve("catalogue")), options.stageTimeout()),
                    new ParallelConsumerRun(bootstrap, options.stageTimeout()),
                    new SpringBatchRun(bootstrap, options.partitions()),
                    pareto, new ServiceCall(pareto, transactions, decisions)).run();
        }
        finally {
            deleteQuietly(dir);
        }
        // the broker's and the clients' leftover non-daemon threads would keep exec:java waiting
        System.exit(0);
    }

    void run() throws InterruptedException {
        int records = options.records();
        int concurrency = options.paretoConcurrency();
        // a no-op service is CPU work only: more workers than cores would only add switching
        int noopWorkers = Math.max(2, Runtime.getRuntime().availableProcessors());
        ServiceCall noopCall = paretoCall.with(BenchmarkServices.noop());
        measure("1a", "raw pipe, max.poll.records 500",
                stage -> rawPipe.run(stage, topics.fill("raw-500", records), records, 500));
        measure("1b", "raw pipe, max.poll.records 5,000",
                stage -> rawPipe.run(stage, topics.fill("raw-5000", records), records, 5_000));
        measure("1c", "raw pipe, 5,000 per poll, decode + no-op + encode on its thread",
                stage -> rawPipe.run(stage, topics.fill("raw-codec", records), records, 5_000, noopCall));
        measure("2", "app, no-op service, in-flight 256, " + noopWorkers + " workers", stage -> {
            startNoopApp(records, noopWorkers);
            return noopApp.measure(stage);
        });
        // the consumer is long-lived: it serves every run of its service without a restart, picking up each
        // new run's topic by its pattern. 2w is the same app's second run, its code compiled by the first
        measure("2w", "app, no-op service, its second run, in-flight 256, " + noopWorkers + " workers (its code compiled)", stage -> {
            if (noopApp == null || !results.containsKey("2")) {
                System.out.println("  the app's first run (stage 2), not measured:");
                startNoopApp(records, noopWorkers);
                noopApp.measure("2w's first run");
            }
            noopApp.next(records, () -> topics.fill("noop", "bench-2", records));
            return noopApp.measure(stage);
        });
        closeNoopApp();
        measure("3", "app, 20 ms service, in-flight 256, 256 workers", stage -> {
            topics.fill("slow", options.slowRecords());
            return app.run(stage, "slow", options.slowRecords(), APP_IN_FLIGHT, APP_IN_FLIGHT, BenchmarkServices.sleeping(SLOW_LATENCY));
        });
        int paretoRecords = options.paretoRecords();
        double ideal = pareto.idealRate(paretoRecords, concurrency);
        System.out.printf("%n%s: at most %,.0f records/s with %d calls at once%n", pareto.describe(), ideal, concurrency);
        measure("4a", "app, Pareto service, in-flight " + concurrency + ", " + concurrency + " workers", stage -> {
            topics.fill("pareto-app", paretoRecords);
            return app.run(stage, "pareto-app", paretoRecords, concurrency, concurrency, pareto);
        });
        measure("4b", "Parallel Consumer, Pareto service, KEY order, maxConcurrency " + concurrency,
                stage -> parallelConsumer.run(stage, topics.fill("pareto-pc", paretoRecords), paretoRecords, concurrency, paretoCall));
        measure("4c", "Spring Batch chunk " + options.chunkSize() + ", Pareto service, " + concurrency + " processing threads",
                stage -> springBatch.run(stage, topics.fill("pareto-batch", paretoRecords), paretoRecords, concurrency,
                        options.chunkSize(), paretoCall));
        printTable(ideal);
    }

    private void printTable(double paretoIdeal) {
        double rawBest = rawPipesBest(StageResult::rate);
        double rawBestSteady = rawPipesBest(StageResult::steadyRate);
        double slowIdeal = APP_IN_FLIGHT / (SLOW_LATENCY.toNanos() / 1e9);
        StageResult paretoApp = results.get("4a");
        ResultTable table = new ResultTable();
        versus(table, "1a", Double.NaN, "", 0);
        versus(table, "1b", Double.NaN, "", 0);
        steadyVersus(table, "1c", rawBest, rawBestSteady, 0);
        steadyVersus(table, "2", rawBest, rawBestSteady, 0.7);
        steadyVersus(table, "2w", rawBest, rawBestSteady, 0.7);
        versus(table, "3", slowIdeal, String.format("the ideal %,.0f/s", slowIdeal), 0.9);
        versus(table, "4a", paretoIdeal, String.format("the ideal %,.0f/s", paretoIdeal), 0);
        appOver(table, "4b", "PC", paretoApp, 1.0);
        appOver(table, "4c", "Batch", paretoApp, 2.0);
        System.out.println();
        table.print(System.out);
        System.out.printf("%nLoad average at the end: %s%n", loadAverage());
    }

    /** The stage's row, its rate as a multiple of {@code reference} (none if NaN), against {@code goal} (none if 0). */
    private void versus(ResultTable table, String id, double reference, String ofWhat, double goal) {
        if (!options.runs(id)) {
            return; // left out by bench.stages: no row, rather than a failed one
        }
        StageResult result = results.get(id);
        if (result == null) {
            table.addFailed(id, labels.get(id), failures.getOrDefault(id, "not run"));
            return;
        }
        boolean compared = !Double.isNaN(reference);
        table.add(id, labels.get(id), result, compared ? ResultTable.ratio(result.rate(), reference, ofWhat) : "",
                compared && goal > 0 ? ResultTable.atLeast(result.rate(), reference, goal) : "");
    }

    /** The higher of the raw pipes' (1a, 1b) figures; NaN if neither ran. */
    private double rawPipesBest(ToDoubleFunction<StageResult> figure) {
        return Stream.of("1a", "1b").map(results::get).filter(Objects::nonNull).mapToDouble(figure).max().orElse(Double.NaN);
    }

    /**
     * The stage's row against the raw pipe's best, over the whole stage and after the first fifth
     * (each against the raw pipe's best of the same kind).
     */
    private void steadyVersus(ResultTable table, String id, double rawBest, double rawBestSteady, double goal) {
        StageResult result = results.get(id);
        if (result == null || Double.isNaN(rawBest)) {
            versus(table, id, rawBest, "the raw pipe's best", goal);
            return;
        }
        String comparison = ResultTable.ratio(result.rate(), rawBest, "the raw pipe's best") + "; after the first fifth "
                + ResultTable.ratio(result.steadyRate(), rawBestSteady, "its best after the first fifth");
        String verdict = goal > 0 ? ResultTable.atLeast(result.rate(), rawBest, goal) + "; after the first fifth "
                + ResultTable.atLeast(result.steadyRate(), rawBestSteady, goal) : "";
        table.add(id, labels.get(id), result, comparison, verdict);
    }

    /** The stage's row with the app's rate over its rate: "app/PC = 1.10x", against {@code goal}. */
    private void appOver(ResultTable table, String id, String name, StageResult app, double goal) {
        StageResult result = results.get(id);
        if (result == null || app == null) {
            versus(table, id, Double.NaN, "", 0);
            return;
        }
        table.add(id, labels.get(id), result, String.format("app/%s = %.2fx", name, app.rate() / result.rate()),
                ResultTable.atLeast(app.rate(), result.rate(), goal));
    }

    /** Fills the no-op service's first run and starts its app (closing one left by a failed stage). */
    private void startNoopApp(int records, int workers) throws Exception {
        closeNoopApp();
        topics.fill("noop", records);
        noopApp = app.start("noop", records, APP_IN_FLIGHT, workers, BenchmarkServices.noop());
    }

    private void closeNoopApp() {
        if (noopApp != null) {
            noopApp.close();
            noopApp = null;
        }
    }

    /** Runs one stage; a failure is printed and kept for the table, and the next stage runs. */
    private void measure(String id, String label, Stage stage) throws InterruptedException {
        if (!options.runs(id)) {
            return;
        }
        labels.put(id, label);
        System.out.printf("%n%s. %s (load average %s)%n", id, label, loadAverage());
        try {
            results.put(id, stage.run(label));
        }
        catch (InterruptedException e) {
            throw e;
        }
        catch (Exception e) {
            failures.put(id, e.toString());
            System.out.println("  failed: " + e);
        }
    }

    @FunctionalInterface
    private interface Stage {
        StageResult run(String label) throws Exception;
    }

    /** The 1, 5 and 15 minute load averages: the figures mean little without them. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        catch (IOException | RuntimeException e) {
            // a temporary directory: the system cleans it up eventually
        }
    }
}
