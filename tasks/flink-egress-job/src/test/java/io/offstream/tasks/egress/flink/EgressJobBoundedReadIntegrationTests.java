package io.offstream.tasks.egress.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.contract.jobs.EgressJobResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The read is bounded by the stopping offsets, and nothing that cannot land is dropped silently. */
class EgressJobBoundedReadIntegrationTests extends EgressJobIntegrationTestSupport {

    @Test
    void recordsProducedAfterTheStoppingOffsetsAreNotRead() throws Exception {
        String runKey = "bounded-run";
        String stoppingOffsets;
        try (EgressTopicFixture topic = riskTopic(runKey, 2, 2)) {
            topic.send(RiskResults.decisions("before-", 400), true);
            stoppingOffsets = topic.committedEndOffsets();
            topic.send(RiskResults.decisions("after-", 250), true);
        }
        Path landing = landing().resolve("bounded");
        Path resultFile = workDirectory.resolve("bounded.properties");

        int exit = FlinkEgressJob.run(args(runKey, landing, resultFile, "--stopping-offsets=" + stoppingOffsets));

        EgressJobResult result = EgressJobResult.readFrom(resultFile);
        assertThat(exit).as(result.toText()).isZero();
        assertThat(result.stoppingOffsetsGiven()).isTrue();
        assertThat(result.recordsRead()).isEqualTo(400);
        assertThat(result.landedTotal()).isEqualTo(400);
        assertThat(LandedParquet.read(runDirectory(landing, runKey)))
                .hasSize(400)
                .allSatisfy(row -> assertThat(row.record().get("txn_id").toString()).startsWith("before-"));
    }

    @Test
    void stoppingOffsetsPastTheCommittedEndAreRefused() throws Exception {
        String runKey = "too-far-run";
        try (EgressTopicFixture topic = riskTopic(runKey, 2, 2)) {
            topic.send(RiskResults.decisions("x-", 10), true);
        }

        int exit = FlinkEgressJob.run(args(runKey, landing().resolve("too-far"), workDirectory.resolve("too-far.properties"),
                "--stopping-offsets=0:100000,1:0"));

        assertThat(exit).isEqualTo(FlinkEgressJob.EXIT_BAD_OPTIONS);
        assertThat(runDirectory(landing().resolve("too-far"), runKey)).doesNotExist();
    }

    @Test
    void anUndecodableRecordFailsTheJobNamingItsPosition() throws Exception {
        String runKey = "poisoned-run";
        try (EgressTopicFixture topic = riskTopic(runKey, 1, 1)) {
            topic.send(RiskResults.decisions("good-", 5), true);
            topic.sendCommitted("bad", "not avro".getBytes(StandardCharsets.UTF_8), RiskResults.DAY_ONE_DATE);
        }
        Path landing = landing().resolve("poisoned");
        Path resultFile = workDirectory.resolve("poisoned.properties");

        int exit = FlinkEgressJob.run(args(runKey, landing, resultFile));

        EgressJobResult result = EgressJobResult.readFrom(resultFile);
        assertThat(exit).isEqualTo(FlinkEgressJob.EXIT_FAILED);
        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.undecodableRecords()).isEqualTo(1);
        assertThat(result.landedTotal()).isZero();
        assertThat(result.error()).contains("Undecodable record on offstream.risk.poisoned-run.egress partition 0 offset 6");
        assertThat(runDirectory(landing, runKey)).doesNotExist();
    }

    @Test
    void aResultWithoutItsPartitionDateFailsTheJobNamingItsPosition() throws Exception {
        String runKey = "dateless-run";
        try (EgressTopicFixture topic = riskTopic(runKey, 1, 1)) {
            topic.send(RiskResults.decisions("good-", 3), true);
            EgressResult dateless = RiskResults.decision("dateless", RiskResults.DAY_ONE, "v1");
            topic.sendCommitted(dateless.key(), topic.encode(dateless), null);
        }
        Path landing = landing().resolve("dateless");
        Path resultFile = workDirectory.resolve("dateless.properties");

        int exit = FlinkEgressJob.run(args(runKey, landing, resultFile));

        EgressJobResult result = EgressJobResult.readFrom(resultFile);
        assertThat(exit).isEqualTo(FlinkEgressJob.EXIT_FAILED);
        assertThat(result.undecodableRecords()).isEqualTo(1);
        assertThat(result.error()).contains("offstream.risk.dateless-run.egress partition 0 offset 4")
                .contains("it has no offstream.partition.date header");
        assertThat(runDirectory(landing, runKey)).doesNotExist();
    }

    @Test
    void aServiceMissingFromTheCatalogueIsRefusedBeforeReadingAnything() {
        Path landing = landing().resolve("unknown-service");

        int exit = FlinkEgressJob.run("--bootstrap-servers=" + kafka.bootstrapServers(), "--service=nosuch", "--run-key=r1",
                "--landing=" + landing.toUri(), "--services-location=" + TestServices.REPOSITORY_CATALOGUE);

        assertThat(exit).isEqualTo(FlinkEgressJob.EXIT_BAD_OPTIONS);
        assertThat(landing).doesNotExist();
    }
}
