package io.offstream.tests.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad run arguments fail plan with a clear message and a non-zero exit, before anything is created. */
class PlanArgumentsIntegrationTests extends IngressFixture {

    @BeforeAll
    void smallWarehouse() throws Exception {
        TaskRun sample = sampleWarehouse("sample", "--offstream.sample.days=2", "--offstream.sample.rows-per-day=100",
                "--offstream.sample.start-date=2026-05-01");
        assertThat(sample.exitCode()).as("%s", sample).isZero();
    }

    @Test
    void fromAfterToFailsPlanBeforeAnythingIsCreated() throws Exception {
        assertRejected("from-after-to", runArgs(dataset(), "2026-05-02", "2026-05-01", "risk"), "is after offstream.run.to");
    }

    @Test
    void anUnknownDatasetFailsPlanBeforeAnythingIsCreated() throws Exception {
        assertRejected("unknown-dataset", runArgs(work.resolve("nowhere"), "2026-05-01", "2026-05-02", "risk"),
                "Unknown dataset", "does not exist");
    }

    @Test
    void missingPartitionsFailPlanBeforeAnythingIsCreated() throws Exception {
        assertRejected("missing-partitions", runArgs(dataset(), "2026-05-01", "2026-05-04", "risk"),
                "has no partition for 2 day(s)", "[2026-05-03, 2026-05-04]");
    }

    @Test
    void aMalformedServiceAndDateFailPlanWithEveryProblemNamed() throws Exception {
        assertRejected("malformed", List.of("--offstream.run.dataset=" + dataset().toUri(), "--offstream.run.from=yesterday",
                "--offstream.run.to=2026-05-02", "--offstream.run.service=Risk Service"),
                "offstream.run.from 'yesterday' is not a date", "offstream.run.service 'Risk Service'");
    }

    private void assertRejected(String name, List<String> run, String... messages) throws Exception {
        TaskRun plan = plan(name, run);
        assertThat(plan.exitCode()).as("%s", plan).isNotZero();
        assertThat(plan.logText()).contains(messages);
        assertThat(topics()).noneMatch(t -> t.startsWith("offstream."));
        assertThat(query("SELECT COUNT(*) AS N FROM OFFSTREAM_RUN").get(0).get("N")).isEqualTo(0L);
    }
}
