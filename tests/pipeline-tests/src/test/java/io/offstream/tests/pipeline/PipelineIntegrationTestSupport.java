package io.offstream.tests.pipeline;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import io.offstream.contract.layout.RunLayout;
import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.dataflow.DataFlowClient;
import io.offstream.testsupport.platform.LocalPlatform;
import io.offstream.testsupport.platform.LocalPlatformExtension;
import io.offstream.testsupport.process.Await;
import io.offstream.testsupport.process.FreePorts;
import io.offstream.testsupport.process.JavaProcess;

/**
 * The whole product through real processes: the KRaft broker and the SCDF server (shared), the
 * service consumer (started here, so a test can kill it), the phase task apps registered as
 * users register them, and {@code offstream-run} launched through SCDF's REST API with the run's
 * {@code app.*.offstream.run.*} properties, as run-demo.sh does.
 */
@ExtendWith(LocalPlatformExtension.class)
abstract class PipelineIntegrationTestSupport {

    static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);

    static final String SERVICE = "risk";

    /** The checkout's service catalogue (risk's function jar is found relative to it). */
    static final String CATALOGUE = "schemas/services";

    private static final Map<String, String> APPS = Map.of(
            "offstream-sample-warehouse", "tasks/sample-warehouse",
            "offstream-plan", "tasks/plan",
            "offstream-ingress", "tasks/ingress",
            "offstream-lag-wait", "tasks/lag-wait",
            "offstream-egress", "tasks/egress",
            "offstream-validate", "tasks/validate");

    static JavaProcess consumer;

    static int consumerPort;

    LocalPlatform platform;

    DataFlowClient dataflow;

    Path scratch;

    @BeforeAll
    static void noConsumerYet() {
        consumer = null;
    }

    @AfterAll
    static void stopConsumer() {
        if (consumer != null) {
            consumer.close();
        }
    }

    void setUp(LocalPlatform platform) throws IOException {
        this.platform = platform;
        this.dataflow = platform.dataflow();
        RepositoryLayout layout = platform.layout();
        APPS.forEach((name, module) -> dataflow.registerTaskApp(name,
                layout.appJar(module, name + "-*.jar").toUri()));
        scratch = Files.createDirectories(platform.workDir().resolve("pipeline-" + UUID.randomUUID().toString().substring(0, 6)));
        if (consumer == null || !consumer.isAlive()) {
            startConsumer();
        }
    }

    /** Starts the service consumer as a process on the platform's broker (again after a kill: same port, same group). */
    void startConsumer() {
        if (consumerPort == 0) {
            consumerPort = FreePorts.find();
        }
        consumer = startConsumer("service-consumer", consumerPort, SERVICE, catalogue(), consumerArguments());
    }

    /** More arguments of this class's service consumer (e.g. a rate limit); none by default. */
    List<String> consumerArguments() {
        return List.of();
    }

    /** A service consumer process for a catalogue entry, on the platform's broker, once it answers on its port. */
    JavaProcess startConsumer(String name, int port, String service, Path catalogue) {
        return startConsumer(name, port, service, catalogue, List.of());
    }

    JavaProcess startConsumer(String name, int port, String service, Path catalogue, List<String> moreArguments) {
        JavaProcess.Builder builder = JavaProcess.jar(name, platform.layout().appJar("stream-apps/service-consumer", "offstream-service-consumer-*.jar"))
                .classDataSharing(platform.layout());
        moreArguments.forEach(builder::arg);
        JavaProcess process = builder
                .arg("--server.port=" + port)
                .arg("--spring.cloud.stream.kafka.binder.brokers=" + platform.kafka().bootstrapServers())
                .arg("--offstream.consumer.service=" + service)
                .arg("--offstream.services.location=" + catalogue.toUri())
                .logFile(platform.workDir().resolve("logs/" + name + ".log"))
                .start();
        process.awaitReady(Duration.ofMinutes(2), () -> Await.httpOk("http://localhost:" + port + "/actuator/health"));
        return process;
    }

    /** The checkout's catalogue: tasks and consumers are given it as users' platforms give theirs. */
    Path catalogue() {
        return platform.layout().root().resolve(CATALOGUE);
    }

    /** Writes the sample transactions with the offstream-sample-warehouse task; returns the dataset path. */
    Path sampleWarehouse(LocalDate start, int days, int rowsPerDay) {
        return sampleWarehouse("transactions", start, days, rowsPerDay, 0.09);
    }

    /** Writes a sample dataset (transactions or orders) with the offstream-sample-warehouse task; returns its path. */
    Path sampleWarehouse(String name, LocalDate start, int days, int rowsPerDay, double badRowFraction) {
        Path dataset = scratch.resolve("warehouse/" + name);
        sampleWarehouse(name, dataset.toString(), start, days, rowsPerDay, badRowFraction);
        return dataset;
    }

    /** Writes a sample dataset at a location (a path or a URI: hdfs://) with the offstream-sample-warehouse task. */
    void sampleWarehouse(String name, String dataset, LocalDate start, int days, int rowsPerDay, double badRowFraction) {
        String definition = "sample-" + UUID.randomUUID().toString().substring(0, 6);
        dataflow.createTaskDefinition(definition, "offstream-sample-warehouse");
        long id = dataflow.launchTask(definition, Map.of(), List.of("--offstream.sample.dataset=" + name,
                "--offstream.sample.path=" + dataset,
                "--offstream.sample.days=" + days, "--offstream.sample.rows-per-day=" + rowsPerDay,
                "--offstream.sample.start-date=" + start, "--offstream.sample.bad-row-fraction=" + badRowFraction,
                "--offstream.sample.write-expectations=true"));
        JsonNode end = dataflow.awaitTaskEnd(id, Duration.ofMinutes(5));
        if (end.path("exitCode").asInt() != 0) {
            throw new AssertionError("sample warehouse failed: " + end);
        }
    }

    /** Creates an offstream-run definition (the file composed-definitions/offstream-run.task) and launches it for risk. */
    long launchRun(String runKey, Path dataset, LocalDate from, LocalDate to) throws IOException {
        return launchRun(SERVICE, catalogue(), runKey, dataset, from, to);
    }

    /**
     * Launches offstream-run as users do from the dashboard: only the run's properties; each task
     * finds its engine job in its own jar and the service in the catalogue it is given.
     */
    long launchRun(String service, Path catalogue, String runKey, Path dataset, LocalDate from, LocalDate to) throws IOException {
        return launchComposed("offstream-run", service, catalogue, runKey, dataset, from, to, Map.of());
    }

    /** Creates a definition from the file composed-definitions/{@code <name>}.task and launches it with the run's properties. */
    long launchComposed(String name, String service, Path catalogue, String runKey, Path dataset, LocalDate from, LocalDate to,
            Map<String, String> moreProperties) throws IOException {
        return launchComposed(name, service, catalogue, runKey, dataset.toUri(), landing().toUri(), from, to, moreProperties);
    }

    /** The same, the warehouse and landing anywhere a URI reaches (hdfs://). */
    long launchComposed(String name, String service, Path catalogue, String runKey, URI dataset, URI landing, LocalDate from, LocalDate to,
            Map<String, String> moreProperties) throws IOException {
        String dsl = Files.readAllLines(platform.layout().root().resolve("composed-definitions/" + name + ".task")).stream()
                .filter(line -> !line.isBlank() && !line.trim().startsWith("#")).reduce("", (a, b) -> a + " " + b).trim();
        String definition = name.replace("offstream-", "") + "-" + UUID.randomUUID().toString().substring(0, 6);
        dataflow.createTaskDefinition(definition, dsl);
        Map<String, String> properties = new HashMap<>(Map.of(
                "app.*.offstream.run.dataset", dataset.toString(),
                "app.*.offstream.run.from", from.toString(),
                "app.*.offstream.run.to", to.toString(),
                "app.*.offstream.run.service", service,
                "app.*.offstream.run.key", runKey,
                "app.*.offstream.run.landing", landing.toString(),
                "app.*.offstream.services.location", catalogue.toUri().toString(),
                "app.*.offstream.kafka.bootstrap-servers", platform.kafka().bootstrapServers(),
                "app.drain.offstream.lag-wait.stall-timeout", "3m",
                // the sample plants 9% bad rows (sampleWarehouse); validation allows 1% unless told
                "app.*.offstream.validate.max-rejected-fraction", "0.1"));
        properties.putAll(moreProperties);
        return dataflow.launchTask(definition, properties, List.of());
    }

    Path landing() {
        // Under a dot-folder, as the local platform's .offstream/landing is.
        return scratch.resolve(".offstream").resolve("landing");
    }

    JsonNode report(String runKey) throws IOException {
        return report(SERVICE, runKey);
    }

    JsonNode report(String service, String runKey) throws IOException {
        Path file = Path.of(new RunLayout(landing().toUri(), service, runKey).validationReport());
        return new ObjectMapper().readTree(file.toFile());
    }

    static Set<String> expectedAcceptedKeys(Path dataset) throws IOException {
        Set<String> keys = new HashSet<>();
        for (String line : Files.readAllLines(dataset.resolve("_expected/accepted-keys.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                keys.add(line.trim());
            }
        }
        return keys;
    }

    /** Every row of the Parquet files under a folder, in file order. */
    static List<GenericRecord> parquetRows(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        List<GenericRecord> rows = new ArrayList<>();
        Configuration conf = new Configuration();
        for (Path file : files) {
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                    HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf)).withConf(conf).build()) {
                for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Every landed row's txn_id, read back from the Parquet files (duplicates kept). */
    List<String> landedKeys(String runKey) throws IOException {
        Schema keyOnly = SchemaBuilder.record("KeyOnly").fields().requiredString("txn_id").endRecord();
        Configuration conf = new Configuration();
        AvroReadSupport.setRequestedProjection(conf, keyOnly);
        List<String> keys = new ArrayList<>();
        Path run = Path.of(new RunLayout(landing().toUri(), SERVICE, runKey).runDirectory());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(run)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
        }
        for (Path file : files) {
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                    HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf)).withConf(conf).build()) {
                for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                    keys.add(row.get("txn_id").toString());
                }
            }
        }
        return keys;
    }
}
