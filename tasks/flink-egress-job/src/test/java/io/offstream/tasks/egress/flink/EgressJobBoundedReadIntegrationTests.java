package io.offstream.tasks.egress.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.schemas.sample.RiskDecision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read is bounded by the stopping offsets, and nothing undecodable is dropped silently. */
class EgressJobBoundedReadIntegrationTests extends EgressJobIntegrationTestSupport {

    @Test
    void recordsProducedAfterTheStoppingOffsetsAreNotRead() throws Exception {
        String runKey = "bounded-run";
        String stoppingOffsets;
        try (EgressTopicFixture topic = new EgressTopicFixture(broker.bootstrapServers(),
                EgressJobOptions.egressTopic(SERVICE, runKey), 2, 2)) {
            topic.send(decisions("before-", 400), true);
            stoppingOffsets = topic.committedEndOffsets();
            topic.send(decisions("after-", 250), true);
        }
        Path landing = landing().resolve("bounded");
        Path resultFile = workDirectory.resolve("bounded.json");

        int exit = FlinkEgressJob.run(args(runKey, landing, resultFile, "--stopping-offsets=" + stoppingOffsets));

        EgressJobResult result = EgressJobResult.readFrom(resultFile);
        assertThat(exit).as(result.toJson()).isZero();
        assertThat(result.stoppingOffsetsGiven()).isTrue();
        assertThat(result.recordsRead()).isEqualTo(400);
        assertThat(result.landedTotal()).isEqualTo(400);
        assertThat(LandedParquet.read(runDirectory(landing, runKey)))
                .hasSize(400)
                .allSatisfy(row -> assertThat(row.decision().getTxnId()).startsWith("before-"));
    }

    @Test
    void stoppingOffsetsPastTheCommittedEndAreRefused() throws Exception {
        String runKey = "too-far-run";
        try (EgressTopicFixture topic = new EgressTopicFixture(broker.bootstrapServers(),
                EgressJobOptions.egressTopic(SERVICE, runKey), 2, 2)) {
            topic.send(decisions("x-", 10), true);
        }

        int exit = FlinkEgressJob.run(args(runKey, landing().resolve("too-far"), workDirectory.resolve("too-far.json"),
                "--stopping-offsets=0:100000,1:0"));

        assertThat(exit).isEqualTo(FlinkEgressJob.EXIT_BAD_OPTIONS);
        assertThat(runDirectory(landing().resolve("too-far"), runKey)).doesNotExist();
    }

    @Test
    void anUndecodableRecordFailsTheJobNamingItsPosition() throws Exception {
        String runKey = "poisoned-run";
        try (EgressTopicFixture topic = new EgressTopicFixture(broker.bootstrapServers(),
                EgressJobOptions.egressTopic(SERVICE, runKey), 1, 1)) {
            topic.send(decisions("good-", 5), true);
            topic.sendCommitted("bad", "not avro".getBytes(StandardCharsets.UTF_8));
        }
        Path landing = landing().resolve("poisoned");
        Path resultFile = workDirectory.resolve("poisoned.json");

        int exit = FlinkEgressJob.run(args(runKey, landing, resultFile));

        EgressJobResult result = EgressJobResult.readFrom(resultFile);
        assertThat(exit).isEqualTo(FlinkEgressJob.EXIT_FAILED);
        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.undecodableRecords()).isEqualTo(1);
        assertThat(result.landedTotal()).isZero();
        assertThat(result.error()).contains("Undecodable record on offstream.risk.poisoned-run.egress partition 0 offset 6");
        assertThat(runDirectory(landing, runKey)).doesNotExist();
    }

    static List<RiskDecision> decisions(String prefix, int count) {
        List<RiskDecision> decisions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            decisions.add(EgressTopicFixture.decision(prefix + i, EgressTopicFixture.DAY_ONE.plusSeconds(i * 3_600L), "v1"));
        }
        return decisions;
    }
}
