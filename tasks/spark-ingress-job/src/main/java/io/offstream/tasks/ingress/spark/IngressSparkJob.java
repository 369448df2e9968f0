package io.offstream.tasks.ingress.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.sample.Transaction;

/**
 * Ingests one pinned dt= partition: reads exactly the pinned files, validates and coerces every
 * row to the Transaction schema, quarantines rejected rows (reason code + message) as Parquet,
 * publishes accepted rows to the run's ingress topic, and writes a JSON result with the counts
 * and the topic's end offsets. Exit code 0 on success, 1 on failure, 2 on bad options.
 */
public final class IngressSparkJob {

    /** Source columns kept (as text) with a quarantined row. */
    static final List<String> SOURCE_COLUMNS = List.of("txn_id", "buyer_id", "seller_id", "amount_minor", "currency",
            "event_time", "item_category", "item_title", "payment_method", "buyer_country", "shipping_country");

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
        } catch (Exception e) {
            System.err.println("[offstream] ingress of dt=" + options.partitionDate() + " failed: " + e);
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    static IngressResult run(IngressJobOptions options) throws Exception {
        long start = System.nanoTime();
        List<PinnedFile> pinned = PinnedFile.read(options.manifest());
        SparkSession spark = SparkSession.builder().appName("offstream-ingress-" + options.runKey() + "-" + options.partitionDate())
                .getOrCreate();
        try {
            Configuration hadoop = spark.sparkContext().hadoopConfiguration();
            List<String> skipped = new ArrayList<>();
            List<String> readable = checkPinnedFiles(pinned, hadoop, options, skipped);
            long read = 0;
            long rejected = 0;
            Map<String, Long> byReason = new TreeMap<>();
            LongAccumulator published = spark.sparkContext().longAccumulator("published");
            if (!readable.isEmpty()) {
                Dataset<Row> verdicts = verdicts(spark, readable, options).persist(StorageLevel.MEMORY_AND_DISK());
                for (Row r : verdicts.groupBy("_accepted", "_reason_code").count().collectAsList()) {
                    read += r.getLong(2);
                    if (!r.getBoolean(0)) {
                        byReason.put(r.getString(1), r.getLong(2));
                        rejected += r.getLong(2);
                    }
                }
                List<org.apache.spark.sql.Column> quarantineColumns = new ArrayList<>();
                SOURCE_COLUMNS.forEach(c -> quarantineColumns.add(col(c)));
                List.of("_reason_code", "_reason_message", "_source_file", "_source_row").forEach(c -> quarantineColumns.add(col(c)));
                verdicts.filter(col("_accepted").equalTo(false))
                        .select(quarantineColumns.toArray(org.apache.spark.sql.Column[]::new))
                        .withColumnRenamed("_reason_code", "reason_code").withColumnRenamed("_reason_message", "reason_message")
                        .withColumnRenamed("_source_file", "source_file").withColumnRenamed("_source_row", "source_row")
                        .coalesce(1).write().mode(SaveMode.Overwrite)
                        .parquet(options.quarantine() + (options.quarantine().endsWith("/") ? "" : "/") + "dt=" + options.partitionDate());
                verdicts.filter(col("_accepted").equalTo(true)).select("_key", "_value", "_source_file", "_source_row")
                        .foreachPartition(new KafkaPartitionPublisher(options, published));
                verdicts.unpersist();
            }
            long published0 = published.value();
            if (published0 != read - rejected) {
                throw new IllegalStateException("Published " + published0 + " records but " + (read - rejected) + " rows were accepted");
            }
            Map<Integer, Long> endOffsets = endOffsets(options);
            long millis = (System.nanoTime() - start) / 1_000_000;
            IngressResult result = new IngressResult(options.runKey(), options.partitionDate().toString(), options.topic(), read,
                    rejected, published0, byReason, skipped, endOffsets, millis, read * 1000.0 / Math.max(1, millis));
            result.write(Path.of(options.resultFile()));
            System.out.printf("[offstream] dt=%s: read %,d, rejected %,d, published %,d in %,d ms (%,.0f rows/s)%n",
                    options.partitionDate(), read, rejected, published0, millis, result.rowsPerSecond());
            return result;
        } finally {
            spark.stop();
        }
    }

    /** Every pinned file must still be as plan saw it; an unreadable one fails the job or is skipped. */
    private static List<String> checkPinnedFiles(List<PinnedFile> pinned, Configuration hadoop, IngressJobOptions options,
            List<String> skipped) throws Exception {
        List<String> readable = new ArrayList<>();
        for (PinnedFile file : pinned) {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(URI.create(file.uri()));
            FileSystem fs = path.getFileSystem(hadoop);
            FileStatus status;
            try {
                status = fs.getFileStatus(path);
            } catch (java.io.FileNotFoundException e) {
                throw new IllegalStateException("Pinned file " + file.uri() + " no longer exists: the snapshot changed after plan");
            }
            if (status.getLen() != file.size() || status.getModificationTime() != file.modificationMillis()) {
                throw new IllegalStateException("Pinned file " + file.uri() + " changed after plan (size " + status.getLen() + " vs "
                        + file.size() + ", modified " + status.getModificationTime() + " vs " + file.modificationMillis() + ")");
            }
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, hadoop))) {
                reader.getFooter();
                readable.add(file.uri());
            } catch (Exception e) {
                if ("skip".equals(options.onCorruptFile())) {
                    System.out.println("[offstream] skipping corrupt file " + file.uri() + ": " + e.getMessage());
                    skipped.add(file.uri());
                } else {
                    throw new IllegalStateException("Pinned file " + file.uri() + " is not readable Parquet (" + e.getMessage()
                            + "); rerun with on-corrupt-file=skip to skip it", e);
                }
            }
        }
        return readable;
    }

    /** The pinned rows with their verdict: accepted (key, single-object value) or rejected (reason, message). */
    static Dataset<Row> verdicts(SparkSession spark, List<String> files, IngressJobOptions options) {
        Dataset<Row> source = spark.read().parquet(files.toArray(String[]::new));
        List<String> present = new ArrayList<>(List.of(source.columns()));
        Dataset<Row> located = source.select(col("*"), col("_metadata.file_path").as("_source_file"),
                col("_metadata.row_index").as("_source_row"));
        Dataset<Row> numbered = present.contains("txn_id")
                ? located.withColumn("_occurrence", row_number().over(
                        Window.partitionBy(trim(col("txn_id").cast("string"))).orderBy(col("_source_file"), col("_source_row"))))
                : located.withColumn("_occurrence", org.apache.spark.sql.functions.lit(1));
        StructType out = outputSchema();
        return numbered.mapPartitions(new Coerce(options, present), Encoders.row(out));
    }

    static StructType outputSchema() {
        List<StructField> fields = new ArrayList<>();
        SOURCE_COLUMNS.forEach(c -> fields.add(DataTypes.createStructField(c, DataTypes.StringType, true)));
        fields.add(DataTypes.createStructField("_source_file", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("_source_row", DataTypes.LongType, false));
        fields.add(DataTypes.createStructField("_accepted", DataTypes.BooleanType, false));
        fields.add(DataTypes.createStructField("_reason_code", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("_reason_message", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("_key", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("_value", DataTypes.BinaryType, true));
        return DataTypes.createStructType(fields);
    }

    private static final class Coerce implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final IngressJobOptions options;
        private final List<String> present;

        Coerce(IngressJobOptions options, List<String> present) {
            this.options = options;
            this.present = present;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            TransactionCoercer coercer = new TransactionCoercer(options.maxTextLength());
            SpecificRecordCodec<Transaction> codec = SpecificRecordCodec.of(Transaction.class, HistorySchemaStore.fromClasspath());
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row row = rows.next();
                    Map<String, Object> values = new HashMap<>();
                    for (String c : present) {
                        values.put(c, row.getAs(c));
                    }
                    boolean duplicate = ((Number) row.getAs("_occurrence")).intValue() > 1 && values.get("txn_id") != null;
                    CoercionResult result = coercer.coerce(values::get, options.partitionDate(), duplicate);
                    Object[] out = new Object[SOURCE_COLUMNS.size() + 7];
                    for (int i = 0; i < SOURCE_COLUMNS.size(); i++) {
                        Object v = values.get(SOURCE_COLUMNS.get(i));
                        out[i] = v == null ? null : v.toString();
                    }
                    int i = SOURCE_COLUMNS.size();
                    out[i] = row.getAs("_source_file");
                    out[i + 1] = ((Number) row.getAs("_source_row")).longValue();
                    out[i + 2] = result.isAccepted();
                    if (result.isAccepted()) {
                        out[i + 5] = result.accepted().getTxnId();
                        out[i + 6] = codec.encode(result.accepted());
                    } else {
                        out[i + 3] = result.rejection().reason().name();
                        out[i + 4] = result.rejection().message();
                    }
                    return RowFactory.create(out);
                }
            };
        }
    }

    private static Map<Integer, Long> endOffsets(IngressJobOptions options) throws Exception {
        Properties props = new Properties();
        props.putAll(options.producer());
        props.keySet().removeIf(k -> !org.apache.kafka.clients.admin.AdminClientConfig.configNames().contains(k.toString()));
        try (Admin admin = Admin.create(props)) {
            TopicDescription description = admin.describeTopics(List.of(options.topic())).allTopicNames().get().get(options.topic());
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            description.partitions().forEach(p -> request.put(new TopicPartition(options.topic(), p.partition()), OffsetSpec.latest()));
            Map<Integer, Long> offsets = new TreeMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> offsets.put(tp.partition(), info.offset()));
            return offsets;
        }
    }
}
