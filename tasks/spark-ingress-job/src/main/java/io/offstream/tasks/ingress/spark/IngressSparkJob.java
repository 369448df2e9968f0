package io.offstream.tasks.ingress.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

import io.offstream.contract.coerce.RowCoercer;
import io.offstream.contract.jobs.IngressJobOptions;
import io.offstream.contract.jobs.IngressJobResult;
import io.offstream.contract.service.HadoopCatalogueFiles;
import io.offstream.contract.service.InvalidServiceException;
import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;

/**
 * Ingests one pinned dt= partition for any catalogue entry: reads exactly the pinned files,
 * coerces every row to the service's current request schema ({@link RowCoercer}), quarantines
 * rejected rows (every source column as text, with the reason) as Parquet, publishes accepted
 * rows to the run's ingress topic, and writes the {@link IngressJobResult} with the counts and the
 * topic's end offsets. Exit code 0 on success, 1 on failure, 2 on bad options.
 */
public final class IngressSparkJob {

    private IngressSparkJob() {
    }

    public static void main(String[] args) {
        IngressJobOptions options;
        try {
            options = IngressJobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("[offstream] " + e.getMessage());
            System.exit(2);
            return;
        }
        int exit = 0;
        try {
            run(options);
        } catch (InvalidServiceException e) {
            System.err.println("[offstream] ingress of dt=" + options.partitionDate() + " failed: " + e.getMessage());
            exit = 1;
        } catch (Exception e) {
            System.err.println("[offstream] ingress of dt=" + options.partitionDate() + " failed: " + e);
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    static IngressJobResult run(IngressJobOptions options) throws Exception {
        long start = System.nanoTime();
        List<PinnedFile> pinned = PinnedFile.read(options.manifest());
        SparkSession spark = SparkSession.builder().appName("offstream-ingress-" + options.runKey() + "-" + options.partitionDate())
                .getOrCreate();
        try {
            Configuration hadoop = spark.sparkContext().hadoopConfiguration();
            ServiceDefinition service = new ServiceCatalogue(URI.create(options.servicesLocation()), new HadoopCatalogueFiles(hadoop))
                    .load(options.service());
            List<String> skipped = new ArrayList<>();
            List<String> readable = readableFiles(pinned, hadoop, options, skipped);
            long read = 0;
            long rejected = 0;
            Map<String, Long> byReason = new TreeMap<>();
            LongAccumulator published = spark.sparkContext().longAccumulator("published");
            if (!readable.isEmpty()) {
                Dataset<Row> source = spark.read().parquet(readable.toArray(String[]::new));
                List<String> sourceColumns = List.of(source.columns());
                Dataset<Row> verdicts = verdicts(source, RowCoercer.of(service), ServiceSchemas.of(service.schemaHistory()),
                        options.partitionDate())
                        .persist(StorageLevel.MEMORY_AND_DISK());
                for (Row r : verdicts.groupBy(VerdictColumns.ACCEPTED, VerdictColumns.REASON_CODE).count().collectAsList()) {
                    read += r.getLong(2);
                    if (!r.getBoolean(0)) {
                        byReason.put(r.getString(1), r.getLong(2));
                        rejected += r.getLong(2);
                    }
                }
                quarantine(verdicts, sourceColumns, options);
                verdicts.filter(col(VerdictColumns.ACCEPTED).equalTo(true))
                        .select(VerdictColumns.KEY, VerdictColumns.VALUE, VerdictColumns.SOURCE_FILE, VerdictColumns.SOURCE_ROW)
                        .foreachPartition(new KafkaPartitionPublisher(options, published));
                verdicts.unpersist();
            }
            long sent = published.value();
            if (sent != read - rejected) {
                throw new IllegalStateException("Published " + sent + " records but " + (read - rejected) + " rows were accepted");
            }
            Map<Integer, Long> endOffsets = TopicEndOffsets.of(options.topic(), options.producer());
            long millis = (System.nanoTime() - start) / 1_000_000;
            IngressJobResult result = new IngressJobResult(options.runKey(), options.partitionDate().toString(), options.topic(), read,
                    rejected, sent, byReason, skipped, endOffsets, millis, read * 1000.0 / Math.max(1, millis));
            result.write(Path.of(options.resultFile()));
            System.out.printf("[offstream] dt=%s: read %,d, rejected %,d %s, published %,d in %,d ms (%,.0f rows/s)%n",
                    options.partitionDate(), read, rejected, byReason, sent, millis, result.rowsPerSecond());
            return result;
        } finally {
            spark.stop();
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
                readable.add(file.uri());
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
     * then row) when the trimmed texts of its key columns are equal; the first occurrence is kept.
     */
    static Dataset<Row> verdicts(Dataset<Row> source, RowCoercer coercer, ServiceSchemas schemas, LocalDate partitionDate) {
        List<String> sourceColumns = List.of(source.columns());
        Dataset<Row> located = source.select(col("*"), col("_metadata.file_path").as(VerdictColumns.SOURCE_FILE),
                col("_metadata.row_index").as(VerdictColumns.SOURCE_ROW));
        List<Optional<Column>> keyColumns = coercer.keyColumns().stream().map(c -> column(c, sourceColumns)).toList();
        Column occurrence = keyColumns.stream().allMatch(Optional::isPresent)
                ? row_number().over(Window.partitionBy(keyColumns.stream().map(c -> trim(c.get().cast("string"))).toArray(Column[]::new))
                        .orderBy(col(VerdictColumns.SOURCE_FILE), col(VerdictColumns.SOURCE_ROW)))
                : lit(1);
        return located.withColumn(CoercePartition.OCCURRENCE, occurrence).mapPartitions(
                new CoercePartition(coercer, schemas, sourceColumns, partitionDate),
                Encoders.row(VerdictColumns.schema(sourceColumns)));
    }

    /** Rejected rows to {@code <quarantine>/dt=<date>/}, replacing what an earlier attempt of the partition wrote. */
    private static void quarantine(Dataset<Row> verdicts, List<String> sourceColumns, IngressJobOptions options) {
        List<Column> columns = new ArrayList<>();
        sourceColumns.forEach(c -> columns.add(column(c)));
        VerdictColumns.QUARANTINE.forEach(c -> columns.add(col(c).as(VerdictColumns.quarantineName(c))));
        verdicts.filter(col(VerdictColumns.ACCEPTED).equalTo(false)).select(columns.toArray(Column[]::new))
                .coalesce(1).write().mode(SaveMode.Overwrite).parquet(options.quarantineDay().toString());
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
