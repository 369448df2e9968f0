package io.offstream.tests.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.offstream.contract.naming.RunTopics;

/**
 * 7 days × 15,000 rows with 1% bad rows of each of the 9 kinds, through the real sample
 * warehouse, plan and ingress jars, the Spark job on local[*], and a real broker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngressPipelineIntegrationTests extends IngressFixture {

    static final int DAYS = 7;
    static final int ROWS_PER_DAY = 15_000;
    /** The kinds of bad rows the transactions sample plants, each 1% of a day's rows. */
    static final int BAD_KINDS = 9;

    List<String> run;
    String runKey;
    TaskRun ingress;

    @BeforeAll
    void ingestSevenDays() throws Exception {
        TaskRun sample = sampleWarehouse("sample", "--offstream.sample.days=" + DAYS, "--offstream.sample.rows-per-day=" + ROWS_PER_DAY,
                "--offstream.sample.start-date=2026-03-01", "--offstream.sample.bad-row-fraction=" + (BAD_KINDS / 100.0));
        assertThat(sample.exitCode()).as("%s", sample).isZero();
        run = runArgs(dataset(), "2026-03-01", "2026-03-07", "risk");
        TaskRun plan = plan("plan", run);
        assertThat(plan.exitCode()).as("%s", plan).isZero();
        runKey = runKey();
        ingress = ingress("ingress", run, launchId());
        assertThat(ingress.exitCode()).as("%s", ingress).isZero();
    }

    /**
     * Rejected rows per reason over the run: each kind is 1% of each day's rows, and the sample's
     * summary names the reason each kind must get (from ingress's reason list); an unknown currency
     * and an unknown country are both NOT_IN_SET (iso-4217, iso-3166).
     */
    Map<String, Long> expectedRejectsByReason() throws IOException {
        JsonNode kinds = new ObjectMapper().readTree(dataset().resolve("_expected/summary.json").toFile()).path("badKinds");
        assertThat(kinds.size()).as("bad-row kinds in the sample's summary").isEqualTo(BAD_KINDS);
        Map<String, Long> expected = new HashMap<>();
        kinds.forEach(kind -> expected.merge(kind.path("reason").asText(), (long) DAYS * ROWS_PER_DAY / 100, Long::sum));
        return expected;
    }

    @Test
    @Order(1)
    void everyPartitionAccountsForEveryRowReadAndEveryBadKindIsRejected() throws Exception {
        List<Map<String, Object>> partitions = query("SELECT * FROM OFFSTREAM_PHASE_PARTITION WHERE RUN_KEY = ? AND PHASE = 'INGRESS' "
                + "ORDER BY PARTITION_DATE", runKey);
        assertThat(partitions).hasSize(DAYS).allSatisfy(p -> {
            long read = ((Number) p.get("READ_COUNT")).longValue();
            long rejected = ((Number) p.get("REJECTED_COUNT")).longValue();
            long published = ((Number) p.get("PUBLISHED_COUNT")).longValue();
            assertThat(p.get("STATUS")).isEqualTo("COMPLETED");
            assertThat(read).isEqualTo(ROWS_PER_DAY);
            assertThat(published + rejected).isEqualTo(read);
            assertThat(rejected).isEqualTo(ROWS_PER_DAY / 100 * BAD_KINDS);
        });
        Map<String, Long> reasons = new HashMap<>();
        query("SELECT REASON_CODE, SUM(ROW_COUNT) AS N FROM OFFSTREAM_REJECT_COUNT WHERE RUN_KEY = ? GROUP BY REASON_CODE", runKey)
                .forEach(r -> reasons.put((String) r.get("REASON_CODE"), ((Number) r.get("N")).longValue()));
        assertThat(reasons).isEqualTo(expectedRejectsByReason());
        assertThat(ingress.logText()).contains("7/7 done, 0 left").contains("rows/s");
    }

    @Test
    @Order(2)
    void everyRejectedRowIsQuarantinedWithAReason() throws Exception {
        Path quarantine = Path.of(runLayout("risk", runKey).quarantine());
        Map<String, Long> byReason = new HashMap<>();
        int rows = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(quarantine)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
        }
        for (Path file : files) {
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                    HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration())).build()) {
                GenericRecord r;
                while ((r = reader.read()) != null) {
                    rows++;
                    assertThat(r.get("reason_code")).isNotNull();
                    assertThat(r.get("reason_field").toString()).isNotBlank();
                    assertThat(r.get("reason_message").toString()).contains(r.get("reason_field").toString());
                    assertThat(r.get("source_file").toString()).contains("dt=2026-03-0");
                    byReason.merge(r.get("reason_code").toString(), 1L, Long::sum);
                }
            }
        }
        assertThat(rows).isEqualTo(DAYS * ROWS_PER_DAY / 100 * BAD_KINDS);
        assertThat(byReason).isEqualTo(expectedRejectsByReason());
    }

    @Test
    @Order(3)
    void theTopicHoldsExactlyTheAcceptedKeysDecodedByFingerprint() throws Exception {
        TopicContent topic = readIngressTopic("risk", runKey);
        assertThat(topic.problems()).isEmpty();
        assertThat(topic.keyCounts().keySet()).isEqualTo(expectedAcceptedKeys());
        assertThat(topic.records()).isEqualTo((long) DAYS * ROWS_PER_DAY * (100 - BAD_KINDS) / 100);
        Map<Integer, Long> recorded = new HashMap<>();
        query("SELECT TOPIC_PARTITION, END_OFFSET FROM OFFSTREAM_TOPIC_OFFSET WHERE RUN_KEY = ? AND PHASE = 'INGRESS'", runKey)
                .forEach(r -> recorded.put(((Number) r.get("TOPIC_PARTITION")).intValue(), ((Number) r.get("END_OFFSET")).longValue()));
        assertThat(recorded).isEqualTo(topic.endOffsets());
        assertThat(query("SELECT STATUS FROM OFFSTREAM_RUN WHERE RUN_KEY = ?", runKey).get(0).get("STATUS")).isEqualTo("INGRESSED");
    }

    @Test
    @Order(3)
    void planCreatedTheRunsTopicsWithAppendTimeAndExplicitRetention() throws Exception {
        List<String> names = RunTopics.of("risk", runKey).all();
        assertThat(topics()).containsAll(names);
        try (var admin = kafka.admin()) {
            var resources = names.stream().map(n -> new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, n)).toList();
            admin.describeConfigs(resources).all().get().forEach((resource, config) -> {
                assertThat(config.get("message.timestamp.type").value()).isEqualTo("LogAppendTime");
                assertThat(config.get("retention.ms").value()).isEqualTo(Long.toString(java.time.Duration.ofDays(7).toMillis()));
            });
            assertThat(admin.describeTopics(names).allTopicNames().get().values())
                    .allSatisfy(d -> assertThat(d.partitions()).hasSize(3));
        }
    }

    @Test
    @Order(4)
    void aSecondLaunchPublishesNothingAgain() throws Exception {
        Map<Integer, Long> before = readIngressTopic("risk", runKey).endOffsets();
        TaskRun again = ingress("ingress-again", run, launchId());
        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(again.logText()).contains("is already published").doesNotContain("submitting the Spark ingress job");
        assertThat(readIngressTopic("risk", runKey).endOffsets()).isEqualTo(before);
        TaskRun planAgain = plan("plan-again", run);
        assertThat(planAgain.exitCode()).as("%s", planAgain).isZero();
        assertThat(planAgain.logText()).contains("nothing to do");
        assertThat(query("SELECT ATTEMPTS FROM OFFSTREAM_PHASE WHERE RUN_KEY = ? AND PHASE = 'PLAN'", runKey).get(0).get("ATTEMPTS"))
                .isEqualTo(1);
    }
}
