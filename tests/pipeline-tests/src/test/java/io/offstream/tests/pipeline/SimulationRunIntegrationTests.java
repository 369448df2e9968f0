package io.offstream.tests.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.offstream.contract.layout.RunLayout;
import io.offstream.testsupport.platform.LocalPlatform;
import io.offstream.testsupport.process.FreePorts;
import io.offstream.testsupport.process.JavaProcess;

/**
 * Historical simulation end to end: offstream-simulate runs one pinned snapshot through the sample
 * risk service and its candidate version (the catalogue entry risk-candidate: other decision
 * thresholds, another service_version), each served by its own consumer group from the one ingress
 * topic, landed and validated on its own; then the diff phase compares the two landings. Every
 * count of the diff is checked against a computation over the two landings made here.
 */
class SimulationRunIntegrationTests extends PipelineIntegrationTestSupport {

    private static final String CANDIDATE = "risk-candidate";

    /** Response fields compared: all but the key and what the descriptors' diff.ignore lists. */
    private static final Set<String> NOT_COMPARED = Set.of("txn_id", "service_version");

    private static JavaProcess candidateConsumer;

    @BeforeEach
    void platformAndCandidate(LocalPlatform platform) throws Exception {
        setUp(platform);
        dataflow.registerTaskApp("offstream-diff", platform.layout().appJar("tasks/diff", "offstream-diff-*.jar").toUri());
        if (candidateConsumer == null || !candidateConsumer.isAlive()) {
            candidateConsumer = startConsumer("candidate-consumer", FreePorts.find(), CANDIDATE, catalogue());
        }
    }

    @AfterAll
    static void stopCandidate() {
        if (candidateConsumer != null) {
            candidateConsumer.close();
            candidateConsumer = null;
        }
    }

    @Test
    void oneSnapshotThroughTwoVersionsIsDiffedKeyByKey() throws Exception {
        LocalDate from = LocalDate.of(2026, 4, 1);
        Path dataset = sampleWarehouse(from, 2, 1_500);
        String runKey = "sim-" + UUID.randomUUID().toString().substring(0, 8);

        long runner = launchComposed("offstream-simulate", SERVICE, catalogue(), runKey, dataset, from, from.plusDays(1), Map.of(
                "app.*.offstream.run.candidate", CANDIDATE,
                "app.drain-candidate.offstream.lag-wait.stall-timeout", "3m"));
        JsonNode end = dataflow.awaitTaskEnd(runner, RUN_TIMEOUT);
        assertThat(end.path("exitCode").asInt()).as("offstream-simulate %s", end).isZero();

        // each version validated on its own: the same accepted rows, each landed once by its own consumer group
        JsonNode baselineReport = report(SERVICE, runKey);
        JsonNode candidateReport = report(CANDIDATE, runKey);
        assertThat(baselineReport.path("passed").asBoolean()).as("baseline report %s", baselineReport).isTrue();
        assertThat(candidateReport.path("passed").asBoolean()).as("candidate report %s", candidateReport).isTrue();
        assertThat(candidateReport.path("sourceRows").asLong()).isEqualTo(baselineReport.path("sourceRows").asLong()).isEqualTo(3_000);
        assertThat(candidateReport.path("accepted").asLong()).isEqualTo(baselineReport.path("accepted").asLong());

        Map<String, GenericRecord> a = byKey(parquetRows(Path.of(new RunLayout(landing().toUri(), SERVICE, runKey).runDirectory())));
        Map<String, GenericRecord> b = byKey(parquetRows(Path.of(new RunLayout(landing().toUri(), CANDIDATE, runKey).runDirectory())));
        assertThat(a.values()).allSatisfy(row -> assertThat(row.get("service_version")).hasToString("risk-1.0.0"));
        assertThat(b.values()).allSatisfy(row -> assertThat(row.get("service_version")).hasToString("risk-1.1.0"));

        // the expected diff, computed here from the two landings
        long identical = 0;
        long changed = 0;
        Map<String, Long> fieldChanges = new TreeMap<>();
        for (Map.Entry<String, GenericRecord> row : a.entrySet()) {
            GenericRecord other = b.get(row.getKey());
            if (other == null) {
                continue;
            }
            boolean differs = false;
            for (Schema.Field field : row.getValue().getSchema().getFields()) {
                if (NOT_COMPARED.contains(field.name())) {
                    continue;
                }
                if (!Objects.equals(String.valueOf(row.getValue().get(field.name())), String.valueOf(other.get(field.name())))) {
                    fieldChanges.merge(field.name(), 1L, Long::sum);
                    differs = true;
                }
            }
            if (differs) {
                changed++;
            }
            else {
                identical++;
            }
        }
        long onlyA = a.keySet().stream().filter(k -> !b.containsKey(k)).count();
        long onlyB = b.keySet().stream().filter(k -> !a.containsKey(k)).count();
        // the candidate's thresholds differ, its rules do not: some decisions change, nothing else
        assertThat(changed).isPositive();
        assertThat(identical).isPositive();
        assertThat(fieldChanges).containsOnlyKeys("decision");

        JsonNode summary = new ObjectMapper().readTree(Path.of(new RunLayout(landing().toUri(), SERVICE, runKey).diffDirectory())
                .resolve("summary.json").toFile());
        assertThat(summary.path("identical").asLong()).as("summary %s", summary).isEqualTo(identical);
        assertThat(summary.path("changed").asLong()).isEqualTo(changed);
        assertThat(summary.path("onlyA").asLong()).isEqualTo(onlyA);
        assertThat(summary.path("onlyB").asLong()).isEqualTo(onlyB);
        assertThat(summary.path("landingA").asText()).endsWith("/" + SERVICE + "/run=" + runKey + "/");
        assertThat(summary.path("landingB").asText()).endsWith("/" + CANDIDATE + "/run=" + runKey + "/");
        Map<String, Long> reported = new TreeMap<>();
        summary.path("fields").fields().forEachRemaining(f -> {
            if (f.getValue().asLong() != 0) {
                reported.put(f.getKey(), f.getValue().asLong());
            }
        });
        assertThat(reported).isEqualTo(fieldChanges);
        assertThat(summary.path("fields").has("service_version")).as("an ignored field is not compared").isFalse();

        // the changed rows, with both versions' values, as Parquet beside the summary
        List<GenericRecord> changedRows = parquetRows(Path.of(new RunLayout(landing().toUri(), SERVICE, runKey).diffDirectory())
                .resolve("changed")).stream().filter(r -> "changed".equals(String.valueOf(r.get("diff_status")))).toList();
        assertThat(changedRows).hasSize((int) changed);
        assertThat(changedRows).allSatisfy(r -> {
            String key = r.get("txn_id").toString();
            assertThat(r.get("decision_a")).hasToString(a.get(key).get("decision").toString());
            assertThat(r.get("decision_b")).hasToString(b.get(key).get("decision").toString());
        });
    }

    private static Map<String, GenericRecord> byKey(List<GenericRecord> rows) {
        Map<String, GenericRecord> byKey = new HashMap<>();
        for (GenericRecord row : rows) {
            assertThat(byKey.put(row.get("txn_id").toString(), row)).as("key %s landed twice", row.get("txn_id")).isNull();
        }
        return byKey;
    }
}
