package io.offstream.tasks.ingress.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;

import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import io.offstream.contract.coerce.RowCoercer;
import io.offstream.contract.jobs.IngressJobOptions;
import io.offstream.contract.jobs.IngressJobResult;
import io.offstream.contract.jobs.ParentWatch;
import io.offstream.contract.layout.HadoopPaths;
import io.offstream.contract.service.HadoopCatalogueFiles;
import io.offstream.contract.service.InvalidServiceException;
import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;

/**
 * Ingests the pinned dt= partitions of a run for any catalogue entry, in date order (a few at
 * once, {@code --parallel-partitions}), in one Spark application: for each partition it reads exactly the pinned files, coerces every row to the
 * service's current request schema ({@link RowCoercer}), quarantines rejected rows (every source
 * column as text, with the reason) as Parquet, publishes accepted rows to the run's ingress topic,
 * and writes the partition's {@link IngressJobResult} with the counts and the topic's end offsets
 * as soon as the partition is published, so that a failure later leaves it accounted for. Exit
 * code 0 on success, 1 on failure, 2 on bad options.
 */
public final class IngressSparkJob {

    private IngressSparkJob() {
    }

    public static void main(String[] args) {
        ParentWatch.start();
        IngressJobOptions options;
        try {
            options = IngressJobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("[offstream] " + e.getMessage());
            System.exit(2);
            return;
        }
        int exit = 0;
        Progress progress = new Progress();
        try {
            run(options, progress);
        } catch (InvalidServiceException e) {
            System.err.println("[offstream] ingress of " + progress.current + " failed: " + e.getMessage());
            exit = 1;
        } catch (Exception e) {
            System.err.println("[offstream] ingress of " + progress.current + " failed: " + e);
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    /** Which partition the job is at, for the failure line. */
    static final class Progress {
        private String current = "the run";
    }

    private static List<IngressJobResult> run(IngressJobOptions options, Progress progress) throws Exception {
        long start = System.nanoTime();
        SortedMap<LocalDate, List<PinnedFile>> partitions = PinnedFile.readByDate(options.manifest());
        SparkSession spark = SparkSession.builder().appName("offstream-ingress-" + options.runKey()).getOrCreate();
        try {
            Configuration hadoop = spark.sparkContext().hadoopConfiguration();
            ServiceDefinition service = new ServiceCatalogue(URI.create(options.servicesLocation()), new HadoopCatalogueFiles(hadoop))
                    .load(options.service());
            RowCoercer coercer = RowCoercer.of(service);
            ServiceSchemas schemas = ServiceSchemas.of(service.schemaHistory());
            System.out.printf("[offstream] Spark session up in %,d ms; %d partition(s) to ingest%n", (System.nanoTime() - start) / 1_000_000,
                    partitions.size());
            // each partition is a Spark job of this application; several at once can use executors a small
            // partition leaves idle (on two local cores, 2 measured the same as 1)
            ExecutorService partitionJobs = Executors.newFixedThreadPool(Math.min(options.parallelPartitions(), partitions.size()));
            try (TopicEndOffsets endOffsets = new TopicEndOffsets(options.topic(), options.producer())) {
                List<Future<IngressJobResult>> pending = new ArrayList<>();
                for (Map.Entry<LocalDate, List<PinnedFile>> partition : partitions.entrySet()) {
                    pending.add(partitionJobs.submit(() -> ingest(spark, hadoop, coercer, schemas, endOffsets, options, partition.getKey(),
                            partition.getValue())));
                }
                List<IngressJobResult> results = new ArrayList<>();
                long rows = 0;
                Iterator<LocalDate> dates = partitions.keySet().iterator();
                for (Future<IngressJobResult> result : pending) {
                    progress.current = "dt=" + dates.next();
                    try {
                        results.add(result.get());
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                    rows += results.get(results.size() - 1).read();
                    double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
                    System.out.printf("[offstream] %d of %d partitions, %,d rows in %.1f s (%,.0f rows/s, start-up included)%n",
                            results.size(), partitions.size(), rows, seconds, rows / seconds);
                }
                return results;
            } finally {
                partitionJobs.shutdownNow();
            }
        } finally {
            SharedProducers.closeAll();
            spark.stop();
        }
    }

    private static IngressJobResult ingest(SparkSession spark, Configuration hadoop, RowCoercer coercer, ServiceSchemas schemas,
            TopicEndOffsets topicEnd, IngressJobOptions options, LocalDate date, List<PinnedFile> pinned) throws Exception {
        long start = System.nanoTime();
        List<String> skipped = new ArrayList<>();
        List<String> readable = readableFiles(pinned, hadoop, options, skipped);
        VerdictTally tally = new VerdictTally(spark.sparkContext(), date);
        StageClock clock = new StageClock();
        if (!readable.isEmpty()) {
            Dataset<Row> source = spark.read().parquet(readable.toArray(String[]::new));
            List<String> sourceColumns = List.of(source.columns());
            clock.lap("files");
            // one Spark job: each task coerces its rows, publishes the accepted ones and hands the rejected
            // ones to the quarantine's writer; a restarted partition overwrites what a failed attempt wrote
            Dataset<Row> rejectedRows = ordered(source, coercer).mapPartitions(
                    new PublishingPartition(new CoercePartition(coercer, schemas, sourceColumns, date, options.maxRecordBytes()),
                            new KafkaPartitionPublisher(options, date), tally),
                    Encoders.row(VerdictColumns.schema(sourceColumns)));
            quarantine(rejectedRows, sourceColumns, options.quarantineDay(date));
            clock.lap("coerce, publish and quarantine");
        }
        long read = tally.read();
        long rejected = tally.rejected();
        Map<String, Long> byReason = tally.byReason();
        long sent = tally.published();
        if (sent != tally.accepted()) {
            throw new IllegalStateException("Published " + sent + " records but " + tally.accepted() + " rows were accepted");
        }
        Map<Integer, Long> endOffsets = topicEnd.now();
        long millis = (System.nanoTime() - start) / 1_000_000;
        IngressJobResult result = new IngressJobResult(options.runKey(), date.toString(), options.topic(), read, rejected, sent,
                byReason, skipped, endOffsets, millis, read * 1000.0 / Math.max(1, millis));
        Files.createDirectories(options.resultFile(date).getParent());
        result.write(options.resultFile(date));
        System.out.printf("[offstream] dt=%s: read %,d, rejected %,d %s, published %,d in %,d ms (%,.0f rows/s; %s)%n", date, read,
                rejected, byReason, sent, millis, result.rowsPerSecond(), clock);
        return result;
    }

    /** Milliseconds of each stage of a partition, for its result line. */
    private static final class StageClock {
        private final StringBuilder laps = new StringBuilder();
        private long last = System.nanoTime();

        void lap(String stage) {
            long now = System.nanoTime();
            laps.append(laps.isEmpty() ? "" : ", ").append(stage).append(' ').append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return laps.isEmpty() ? "no readable files" : laps.toString();
        }
    }

    /** Every pinned file must still be as plan saw it; an unreadable one fails the job or is skipped. */
    private static List<String> readableFiles(List<PinnedFile> pinned, Configuration hadoop, IngressJobOptions options,
            List<String> skipped) throws Exception {
        List<String> readable = new ArrayList<>();
        for (PinnedFile file : pinned) {
            file.checkUnchanged(hadoop);
            String problem = file.unreadableBecause(hadoop);
            if (problem == null) {
                readable.add(file.sparkPath());
            } else if (options.skipsCorruptFiles()) {
                System.out.println("[offstream] skipping corrupt file " + file.uri() + ": " + problem);
                skipped.add(file.uri());
            } else {
                throw new IllegalStateException("Pinned file " + file.uri() + " is not readable Parquet (" + problem
                        + "); rerun with on-corrupt-file=skip to skip it");
            }
        }
        return readable;
    }

    /**
     * The source rows with their verdict. A row repeats the key of an earlier one (by source file,
     * then row) when the trimmed texts of its key columns are equal; the first <em>valid</em>
     * occurrence is kept, so a bad row does not take the place of a good one with its key. The rows
     * of one key meet in one Spark partition, in source order ({@link CoercePartition#RAW_KEY}).
     */
    static Dataset<Row> verdicts(Dataset<Row> source, RowCoercer coercer, ServiceSchemas schemas, LocalDate partitionDate,
            int maxRecordBytes) {
        List<String> sourceColumns = List.of(source.columns());
        return ordered(source, coercer).mapPartitions(new CoercePartition(coercer, schemas, sourceColumns, partitionDate, maxRecordBytes),
                Encoders.row(VerdictColumns.schema(sourceColumns)));
    }

    /** The source rows with their position and raw key, a key's rows together in one Spark partition, in source order. */
    private static Dataset<Row> ordered(Dataset<Row> source, RowCoercer coercer) {
        List<String> sourceColumns = List.of(source.columns());
        Dataset<Row> located = source.select(col("*"), col("_metadata.file_path").as(VerdictColumns.SOURCE_FILE),
                col("_metadata.row_index").as(VerdictColumns.SOURCE_ROW));
        List<Optional<Column>> keyColumns = coercer.keyColumns().stream().map(c -> column(c, sourceColumns)).toList();
        if (keyColumns.stream().allMatch(Optional::isPresent)) {
            // a missing key value reads as the NUL character, which no text has: (a, null) and (null, a) stay apart
            Column rawKey = concat_ws("\u0001", keyColumns.stream()
                    .map(c -> coalesce(trim(c.get().cast("string")), lit("\u0000"))).toArray(Column[]::new));
            return located.withColumn(CoercePartition.RAW_KEY, rawKey)
                    .repartition(col(CoercePartition.RAW_KEY))
                    .sortWithinPartitions(col(CoercePartition.RAW_KEY), col(VerdictColumns.SOURCE_FILE), col(VerdictColumns.SOURCE_ROW));
        }
        // a key column is missing: every row is rejected for it, none is a duplicate
        return located.withColumn(CoercePartition.RAW_KEY, lit(null).cast("string"));
    }

    /**
     * Rejected rows to {@code <quarantine>/dt=<date>/}, replacing what an earlier attempt of the
     * partition wrote: a file per Spark task that had any (one file would take a stage of its own).
     */
    private static void quarantine(Dataset<Row> rejected, List<String> sourceColumns, URI quarantineDay) {
        List<Column> columns = new ArrayList<>();
        sourceColumns.forEach(c -> columns.add(column(c)));
        VerdictColumns.QUARANTINE.forEach(c -> columns.add(col(c).as(VerdictColumns.quarantineName(c))));
        rejected.select(columns.toArray(Column[]::new)).write().mode(SaveMode.Overwrite).parquet(HadoopPaths.text(quarantineDay));
    }

    /**
     * A column by its exact name or, when no column has that name, a dotted path into a struct
     * column, as {@link RowCoercer#read} reads it; empty when neither is in the data.
     */
    private static Optional<Column> column(String name, List<String> sourceColumns) {
        if (sourceColumns.contains(name)) {
            return Optional.of(column(name));
        }
        String[] path = name.split("\\.");
        if (path.length < 2 || !sourceColumns.contains(path[0])) {
            return Optional.empty();
        }
        Column nested = column(path[0]);
        for (int i = 1; i < path.length; i++) {
            nested = nested.getField(path[i]);
        }
        return Optional.of(nested);
    }

    /** A column by its exact name, even with dots or spaces in it. */
    private static Column column(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }
}
