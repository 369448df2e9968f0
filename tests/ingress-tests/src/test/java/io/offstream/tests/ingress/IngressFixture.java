package io.offstream.tests.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import io.offstream.contract.keys.RecordKeys;
import io.offstream.contract.layout.RunLayout;
import io.offstream.contract.naming.RunHeaders;
import io.offstream.contract.naming.RunTopics;
import io.offstream.contract.service.ServiceCatalogue;
import io.offstream.contract.service.ServiceDefinition;
import io.offstream.schemas.codec.GenericRecordCodec;
import io.offstream.testsupport.RepositoryLayout;
import io.offstream.testsupport.kafka.KafkaBrokerExtension;
import io.offstream.testsupport.kafka.KafkaTopics;

/**
 * What every plan/ingress integration test shares: the test JVM's shared KRaft broker (each class's
 * runs have their own run keys, so their own topics), an H2 file database the task processes share
 * (AUTO_SERVER), the task jars of the checkout, and readers for the ledger and the topics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(KafkaBrokerExtension.class)
abstract class IngressFixture {

    static final Duration TASK_TIMEOUT = Duration.ofMinutes(6);

    /** This class's working folder under target/ (kept for inspection): H2, warehouse, landing. */
    Path work;

    KafkaTopics kafka;
    RepositoryLayout layout;
    String jdbcUrl;
    Path logs;

    @BeforeAll
    void prepare(KafkaTopics sharedBroker) throws IOException {
        kafka = sharedBroker;
        layout = RepositoryLayout.locate();
        work = Files.createDirectories(layout.root().resolve("tests/ingress-tests/target/it-work")
                .resolve(getClass().getSimpleName() + "-" + UUID.randomUUID().toString().substring(0, 8)));
        jdbcUrl = "jdbc:h2:file:" + work.resolve("h2/ledger") + ";AUTO_SERVER=TRUE";
        logs = layout.root().resolve("tests/ingress-tests/target/task-logs/" + getClass().getSimpleName());
    }

    /** A user's table: in a folder whose name has a space, as warehouse folders can. */
    Path dataset() {
        return work.resolve("warehouse/my transactions");
    }

    TaskRun sampleWarehouse(String name, String... options) throws Exception {
        List<String> args = new ArrayList<>(commonArgs());
        args.add("--offstream.sample.path=" + dataset());
        args.add("--offstream.sample.write-expectations=true");
        args.addAll(List.of(options));
        return TaskRun.run(name, layout, layout.appJar("tasks/sample-warehouse", "offstream-sample-warehouse-*.jar"), logs, TASK_TIMEOUT, args);
    }

    TaskRun plan(String name, List<String> runArgs, String... options) throws Exception {
        List<String> args = new ArrayList<>(commonArgs());
        args.addAll(runArgs);
        args.addAll(List.of(options));
        return TaskRun.run(name, layout, layout.appJar("tasks/plan", "offstream-plan-*.jar"), logs, TASK_TIMEOUT, args);
    }

    TaskRun ingress(String name, List<String> runArgs, String... options) throws Exception {
        return ingress(name, runArgs, process -> { }, options);
    }

    /** @param meanwhile what a fault test does to the running ingress task */
    TaskRun ingress(String name, List<String> runArgs, Consumer<Process> meanwhile, String... options) throws Exception {
        List<String> args = new ArrayList<>(commonArgs());
        args.addAll(runArgs);
        args.add("--offstream.ingress.work-dir=" + work.resolve("ingress-work"));
        args.add("--offstream.ingress.progress-interval=5s");
        args.addAll(List.of(options));
        return TaskRun.run(name, layout, layout.appJar("tasks/ingress", "offstream-ingress-*.jar"), logs, TASK_TIMEOUT, args, meanwhile);
    }

    private List<String> commonArgs() {
        return List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--spring.batch.jdbc.initialize-schema=always", "--offstream.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--offstream.home=" + layout.root(), "--offstream.run.landing=" + work.resolve("landing area"));
    }

    static List<String> runArgs(Path dataset, String from, String to, String service) {
        return List.of("--offstream.run.dataset=" + dataset.toUri(), "--offstream.run.from=" + from, "--offstream.run.to=" + to,
                "--offstream.run.service=" + service);
    }

    static String launchId() {
        return "launch.id=" + UUID.randomUUID();
    }

    // ---- the ledger, read with plain JDBC ---------------------------------------------------

    List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "")) {
            var statement = c.prepareStatement(sql);
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toUpperCase(), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    String runKey() throws SQLException {
        List<Map<String, Object>> runs = query("SELECT RUN_KEY FROM OFFSTREAM_RUN");
        assertThat(runs).hasSize(1);
        return (String) runs.get(0).get("RUN_KEY");
    }

    // ---- the sample's expectations ----------------------------------------------------------

    Set<String> expectedAcceptedKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        for (String line : Files.readAllLines(dataset().resolve("_expected/accepted-keys.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                keys.add(line.trim());
            }
        }
        return keys;
    }

    // ---- the catalogue and the run's layout --------------------------------------------------

    /** The checkout's catalogue entry of a service, as the tasks load it (they get offstream.home = the checkout). */
    ServiceDefinition service(String name) {
        return ServiceCatalogue.local(layout.root().resolve("schemas/services").toUri()).load(name);
    }

    /** Where the run's files are under this class's landing. */
    RunLayout runLayout(String service, String runKey) {
        return new RunLayout(work.resolve("landing area").toUri(), service, runKey);
    }

    // ---- topics -----------------------------------------------------------------------------

    Set<String> topics() {
        return kafka.names();
    }

    /**
     * Every record of a run's ingress topic, keys decoded as UTF-8 and values decoded by fingerprint
     * with the service's schema histories; a key that is not the value's record key is a problem.
     */
    TopicContent readIngressTopic(String service, String runKey) {
        String topic = RunTopics.of(service, runKey).ingress();
        ServiceDefinition definition = service(service);
        RecordKeys recordKeys = new RecordKeys(definition.descriptor().key());
        GenericRecordCodec codec = new GenericRecordCodec(definition.schemaStore());
        Map<String, Integer> keyCounts = new HashMap<>();
        Map<Integer, Long> endOffsets = kafka.endOffsets(topic);
        List<String> problems = new ArrayList<>();
        // ingress has ended: nothing is written while this reads
        List<ConsumerRecord<byte[], byte[]>> read = kafka.readToEnd(topic, Duration.ofMinutes(2));
        for (ConsumerRecord<byte[], byte[]> record : read) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            keyCounts.merge(key, 1, Integer::sum);
            GenericRecord value = codec.decode(record.value());
            if (!key.equals(recordKeys.keyOf(value))) {
                problems.add("key " + key + " carries the record key " + recordKeys.keyOf(value));
            }
            for (String header : List.of(RunHeaders.RUN_KEY, RunHeaders.PARTITION_DATE, RunHeaders.SOURCE_POSITION)) {
                if (record.headers().lastHeader(header) == null) {
                    problems.add("record " + key + " lacks header " + header);
                }
            }
        }
        long records = read.size();
        return new TopicContent(records, keyCounts, endOffsets, problems);
    }

    record TopicContent(long records, Map<String, Integer> keyCounts, Map<Integer, Long> endOffsets, List<String> problems) {
    }
}
