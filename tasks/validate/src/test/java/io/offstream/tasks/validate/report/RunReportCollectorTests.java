package io.offstream.tasks.validate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import io.offstream.tasks.support.run.RunSide;

/** One side's report gathered from the ledger, the quarantine, the side's landing and the diff summary. */
class RunReportCollectorTests {

    @TempDir
    Path work;

    @Test
    void aCandidatesReportLinksItsOwnLandingTheSharedQuarantineAndTheDiffRelatively() throws Exception {
        ReportFixture run = ReportFixture.simulation(work);
        String key = run.run().runKey();

        RunReport report = collect(run, RunSide.Which.CANDIDATE);

        assertThat(report.links()).extracting(RunReport.Link::href).containsExactly(
                "../../../risk-candidate/run=" + key + "/",
                "../../../_quarantine/risk/run=" + key + "/",
                "../../../risk-candidate/_validation/run=" + key + "/report.json",
                "../../../risk/_diff/run=" + key + "/summary.json",
                "../../../risk/_report/run=" + key + "/index.html");
        Path page = Path.of(run.layout(RunSide.Which.CANDIDATE).reportDirectory());
        assertThat(page.resolve(report.links().get(0).href()).normalize()).isEqualTo(Path.of(run.layout(RunSide.Which.CANDIDATE).runDirectory()));
        assertThat(report.diff().changed()).isEqualTo(64);
        assertThat(report.service()).isEqualTo("risk-candidate");
        assertThat(report.notes()).isEmpty();
    }

    @Test
    void rejectsAreCountedFromTheQuarantineByReasonAndField() throws Exception {
        ReportFixture run = ReportFixture.simulation(work);

        RunReport report = collect(run, RunSide.Which.BASELINE);

        assertThat(report.rejectsFrom()).isEqualTo("quarantine");
        assertThat(report.rejects()).containsExactly(Map.entry("MISSING / seller_id", 10L), Map.entry("RANGE / amount", 10L),
                Map.entry("RANGE / currency", 10L));
    }

    @Test
    void withoutAQuarantineFolderRejectsComeFromTheLedgerByReason() throws Exception {
        ReportFixture run = ReportFixture.simulation(work);
        FileSystemUtils.deleteRecursively(Path.of(run.run().parameters().layout().quarantine()));

        RunReport report = collect(run, RunSide.Which.BASELINE);

        assertThat(report.rejectsFrom()).isEqualTo("ledger");
        assertThat(report.rejects()).containsExactly(Map.entry("RANGE", 20L), Map.entry("MISSING", 10L));
    }

    @Test
    void eachDayHasIngressCountsAndTheSidesLandedRowsFromTheFooters() throws Exception {
        ReportFixture run = ReportFixture.simulation(work);

        assertThat(collect(run, RunSide.Which.BASELINE).partitions()).containsExactly(
                new RunReport.DayCounts(ReportFixture.DAY_1, "COMPLETED", 1000L, 15L, 985L, 985L),
                new RunReport.DayCounts(ReportFixture.DAY_2, "COMPLETED", 1000L, 15L, 985L, 983L));
        assertThat(collect(run, RunSide.Which.CANDIDATE).partitions()).extracting(RunReport.DayCounts::landed).containsExactly(984L, 984L);
    }

    @Test
    void anUnreadableDiffSummaryLeavesANoteAndTheRestOfTheReport() throws Exception {
        ReportFixture run = ReportFixture.simulation(work);
        Files.writeString(Path.of(run.run().parameters().layout().diffDirectory()).resolve("summary.json"), "{not json");

        RunReport report = collect(run, RunSide.Which.BASELINE);

        assertThat(report.diff()).isNull();
        assertThat(report.notes()).singleElement().asString().contains("summary.json");
        assertThat(report.phases()).hasSize(9);
        assertThat(report.throughput()).containsOnlyKeys("INGRESS", "EGRESS", "EGRESS_CANDIDATE");
        assertThat(report.lag()).containsOnlyKeys("offstream-risk", "offstream-risk-candidate");
    }

    private static RunReport collect(ReportFixture run, RunSide.Which which) {
        return run.collector().collect(run.run(), which, run.validation(which, true), run.deadLetters());
    }
}
