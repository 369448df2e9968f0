package io.offstream.tasks.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.contract.jobs.DiffJobOptions;
import io.offstream.tasks.support.engine.SparkJobSubmission;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.run.RunParameters;
import io.offstream.tasks.support.run.RunSide;

/** What the diff phase checks and decides before any Spark job: which run, whether it can be compared, and how. */
class RunDiffTests {

    @TempDir
    Path work;

    @Test
    void aRunWithoutACandidateIsRefusedInOneLine() {
        Simulation plain = Simulation.plainRun(work).completed(Phase.EGRESS);
        assertThatThrownBy(() -> diff(plain).comparableRun(plain.parameters)).isInstanceOf(IllegalStateException.class)
                .hasMessage("offstream.run.candidate is not set: diff compares a simulation's two versions");
    }

    @Test
    void aSimulationThatIsNotPlannedIsNamed() {
        Simulation planned = Simulation.planned(work);
        RunParameters other = RunParameters.resolve("/elsewhere", "2026-03-01", "2026-03-01", "score", null, "/l", "score-v2");
        assertThatThrownBy(() -> diff(planned).comparableRun(other))
                .hasMessage("Run " + other.runKey() + " is not planned: run offstream-plan with the same offstream.run.* arguments first");
    }

    @Test
    void eachVersionWhoseEgressHasNotCompletedIsNamed() {
        Simulation none = Simulation.planned(work);
        assertThatThrownBy(() -> diff(none).comparableRun(none.parameters)).hasMessage("Run " + none.run.runKey()
                + ": the baseline's egress (score, phase EGRESS) has not run and the candidate's egress (score-v2, phase EGRESS_CANDIDATE)"
                + " has not run; diff compares both versions' completed landings");

        Simulation baselineOnly = Simulation.planned(work.resolve("b")).completed(Phase.EGRESS);
        baselineOnly.ledger.startPhase(baselineOnly.run.runKey(), Phase.EGRESS_CANDIDATE, 2L);
        assertThatThrownBy(() -> diff(baselineOnly).comparableRun(baselineOnly.parameters)).hasMessage("Run " + baselineOnly.run.runKey()
                + ": the candidate's egress (score-v2, phase EGRESS_CANDIDATE) is RUNNING; diff compares both versions' completed landings");

        Simulation both = Simulation.planned(work.resolve("c")).completed(Phase.EGRESS, Phase.EGRESS_CANDIDATE);
        assertThat(diff(both).comparableRun(both.parameters).parameters()).isEqualTo(both.parameters);
    }

    @Test
    void comparesTheBaselinesLandingWithTheCandidatesByTheBaselinesKeyIgnoringWhatEitherVersionIgnores() {
        Simulation simulation = Simulation.planned(work).completed(Phase.EGRESS, Phase.EGRESS_CANDIDATE);
        DiffJobOptions options = diff(simulation).jobOptions(simulation.run, work.resolve("result.properties"));
        assertThat(options.landingA()).isEqualTo(simulation.run.side(RunSide.Which.BASELINE).layout().runDirectory());
        assertThat(options.landingB()).isEqualTo(simulation.run.side(RunSide.Which.CANDIDATE).layout().runDirectory());
        assertThat(options.landingB().toString()).contains("/score-v2/run=" + simulation.run.runKey() + "/");
        assertThat(options.output()).isEqualTo(simulation.run.parameters().layout().diffDirectory());
        assertThat(options.output().toString()).endsWith("/score/_diff/run=" + simulation.run.runKey() + "/");
        assertThat(options.keyFields()).containsExactly("txn_id");
        assertThat(options.ignoredFields()).containsExactly("model_version", "scored_at");
        assertThat(options.sampleSize()).isEqualTo(DiffJobOptions.DEFAULT_SAMPLE_SIZE);
        assertThat(options.resultFile()).contains(work.resolve("result.properties"));
    }

    private RunDiff diff(Simulation simulation) {
        DiffProperties properties = new DiffProperties();
        return new RunDiff(simulation.ledger, simulation.services, properties,
                new SparkJobSubmission(properties.toSparkSettings(), null, RunDiff.JAR_PREFIX), work.resolve("diff-work"));
    }
}
