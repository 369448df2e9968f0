package io.offstream.tasks.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.contract.jobs.DiffJobResult;
import io.offstream.tasks.support.engine.EmbeddedEngineFiles;
import io.offstream.tasks.support.engine.SparkJobSubmission;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseRecord;
import io.offstream.tasks.support.ledger.PhaseStatus;
import io.offstream.tasks.support.run.RunSide;

/**
 * The diff phase end to end but for SCDF: an H2 ledger, two landings written as egress lands them,
 * and the Spark diff job this task carries (in target/classes, packed by the build), run in a child
 * JVM as the task runs it.
 */
class RunDiffIntegrationTests {

    private static final int KEYS = 40;

    @TempDir
    Path work;

    @Test
    void aSimulationsLandingsAreComparedAndTheDiffPhaseRecordsTheCountsAndTheSummary() throws Exception {
        Simulation simulation = Simulation.planned(work).completed(Phase.EGRESS, Phase.EGRESS_CANDIDATE);
        List<GenericRecord> a = new ArrayList<>();
        List<GenericRecord> b = new ArrayList<>();
        long changed = 0;
        long identical = 0;
        for (int i = 0; i < KEYS; i++) {
            String txn = String.format("T%02d", i);
            String decision = i % 3 == 0 ? "REVIEW" : "APPROVE";
            if (i < KEYS - 2) {
                a.add(simulation.score(RunSide.Which.BASELINE, txn, i * 10, decision, List.of("R" + i % 4), "m-1"));
            }
            if (i >= 2) {
                b.add(simulation.score(RunSide.Which.CANDIDATE, txn, i * 10 + (i % 5 == 0 ? 10 : 0), i % 7 == 0 ? null : decision,
                        List.of("R" + i % 4), "m-2"));
            }
            if (i >= 2 && i < KEYS - 2) {
                boolean differs = i % 5 == 0 || i % 7 == 0;
                changed += differs ? 1 : 0;
                identical += differs ? 0 : 1;
            }
        }
        simulation.land(RunSide.Which.BASELINE, Simulation.DAY, a.subList(0, 20));
        simulation.land(RunSide.Which.BASELINE, Simulation.DAY.plusDays(1), a.subList(20, a.size()));
        simulation.land(RunSide.Which.CANDIDATE, Simulation.DAY, b); // another day than A's for some keys: not a difference

        DiffJobResult result = diff(simulation).diff(simulation.run, 7L);

        assertThat(List.of(result.identical(), result.changed(), result.onlyA(), result.onlyB())).containsExactly(identical, changed, 2L, 2L);
        Path output = Path.of(simulation.run.parameters().layout().diffDirectory());
        assertThat(result.summary()).isEqualTo(simulation.run.parameters().layout().diffDirectory() + "summary.json");
        PhaseRecord phase = simulation.ledger.phase(simulation.run.runKey(), Phase.DIFF).orElseThrow();
        assertThat(phase.status()).isEqualTo(PhaseStatus.COMPLETED);
        assertThat(phase.taskExecutionId()).isEqualTo(7L);
        assertThat(phase.counts().read()).isEqualTo(KEYS);
        assertThat(phase.message()).isEqualTo("identical " + identical + ", changed " + changed + ", only in A 2, only in B 2; summary "
                + result.summary());

        JsonNode summary = new ObjectMapper().readTree(output.resolve("summary.json").toFile());
        assertThat(summary.path("ignored").toString()).as("both versions' diff.ignore").isEqualTo("[\"model_version\",\"scored_at\"]");
        assertThat(summary.path("keyFields").toString()).isEqualTo("[\"txn_id\"]");
        assertThat(summary.path("fields").path("score").asLong()).isEqualTo(Stream.iterate(2, i -> i + 1).limit(KEYS - 4)
                .filter(i -> i % 5 == 0).count());
        assertThat(summary.path("fields").path("decision").asLong()).isEqualTo(Stream.iterate(2, i -> i + 1).limit(KEYS - 4)
                .filter(i -> i % 7 == 0).count());
        assertThat(summary.path("fields").path("reasons").asLong()).isZero();
        assertThat(summary.path("numeric").path("score").path("max").asInt()).isEqualTo(10);
        assertThat(summary.path("sample").size()).isEqualTo(3);
        assertThat(summary.path("sample").get(0).path("key").path("txn_id").asText()).isEqualTo("T05");
        assertThat(summary.path("sample").get(0).path("fields").path("score").toString()).isEqualTo("{\"a\":50,\"b\":60}");
        assertThat(summary.path("sample").get(1).path("fields").path("decision").toString()).isEqualTo("{\"a\":\"APPROVE\",\"b\":null}");
        try (Stream<Path> files = Files.list(output.resolve("changed"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(f -> f.endsWith(".parquet"));
        }
        assertThat(summary.path("landingB").asText()).isEqualTo(Objects.toString(simulation.run.side(RunSide.Which.CANDIDATE).layout()
                .runDirectory()));
    }

    @Test
    void aJobThatFailsFailsThePhaseWithTheJobsReason() throws Exception {
        Simulation simulation = Simulation.planned(work).completed(Phase.EGRESS, Phase.EGRESS_CANDIDATE);
        simulation.land(RunSide.Which.BASELINE, Simulation.DAY, List.of(
                simulation.score(RunSide.Which.BASELINE, "T1", 1, null, List.of(), "m-1")));
        String landingB = simulation.run.side(RunSide.Which.CANDIDATE).layout().runDirectory().toString();

        assertThatThrownBy(() -> diff(simulation).diff(simulation.run, 8L)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Spark diff job of run " + simulation.run.runKey() + " failed after")
                .hasMessageContaining("with exit code 1: [offstream] diff failed: landing B " + landingB + " does not exist");
        PhaseRecord phase = simulation.ledger.phase(simulation.run.runKey(), Phase.DIFF).orElseThrow();
        assertThat(phase.status()).isEqualTo(PhaseStatus.FAILED);
        assertThat(phase.message()).contains("landing B " + landingB + " does not exist");
    }

    private RunDiff diff(Simulation simulation) {
        DiffProperties properties = new DiffProperties();
        properties.setSampleSize(3);
        properties.setJvmOptions(List.of("-Xmx1g"));
        properties.setMaster("local[2]");
        EmbeddedEngineFiles carried = new EmbeddedEngineFiles(RunDiff.EMBEDDED, EmbeddedEngineFiles.defaultCache(), getClass().getClassLoader());
        return new RunDiff(simulation.ledger, simulation.services, properties,
                new SparkJobSubmission(properties.toSparkSettings(), carried, RunDiff.JAR_PREFIX), work.resolve("diff-work"));
    }
}
