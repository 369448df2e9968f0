package io.offstream.contract.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.offstream.contract.layout.RunLayout;

class DiffJobOptionsTests {

    private static final RunLayout BASELINE = new RunLayout(URI.create("hdfs://nn:8020/landing"), "risk", "sim-1");
    private static final RunLayout CANDIDATE = new RunLayout(URI.create("hdfs://nn:8020/landing"), "risk-v2", "sim-1");

    static DiffJobOptions options() {
        return new DiffJobOptions(BASELINE.runDirectory(), CANDIDATE.runDirectory(), List.of("order_id", "line_no"),
                List.of("service_version"), BASELINE.diffDirectory(), 5, Optional.of(Path.of("/tmp/diff/result.properties")));
    }

    @Test
    void parsingItsArgumentsGivesTheSameOptions() {
        assertThat(DiffJobOptions.parse(options().toArguments().toArray(String[]::new))).isEqualTo(options());
        DiffJobOptions noneIgnored = new DiffJobOptions(BASELINE.runDirectory(), CANDIDATE.runDirectory(), List.of("txn_id"), List.of(),
                BASELINE.diffDirectory(), 0, Optional.empty());
        assertThat(noneIgnored.toArguments()).noneMatch(a -> a.startsWith("--ignore-fields") || a.startsWith("--result-file"));
        assertThat(DiffJobOptions.parse(noneIgnored.toArguments().toArray(String[]::new))).isEqualTo(noneIgnored);
    }

    @Test
    void foldersEndInASlashAndTheOutputHoldsTheSummaryAndTheChangedRows() {
        DiffJobOptions parsed = DiffJobOptions.parse("--landing-a=file:///l/risk/run=sim-1", "--landing-b=file:///l/risk-v2/run=sim-1",
                "--key-fields=txn_id", "--output=file:///l/risk/_diff/run=sim-1");
        assertThat(parsed.landingA()).hasToString("file:///l/risk/run=sim-1/");
        assertThat(parsed.summaryFile()).hasToString("file:///l/risk/_diff/run=sim-1/summary.json");
        assertThat(parsed.changedDirectory()).hasToString("file:///l/risk/_diff/run=sim-1/changed/");
        assertThat(parsed.sampleSize()).isEqualTo(DiffJobOptions.DEFAULT_SAMPLE_SIZE);
        assertThat(parsed.ignoredFields()).isEmpty();
        assertThat(parsed.resultFile()).isEmpty();
    }

    @Test
    void everyProblemIsNamedInOneMessage() {
        assertThatThrownBy(() -> DiffJobOptions.parse("--landing-a=file:///l/a", "--landing-b=file:///l/a/", "--key-fields=id,1x,id",
                "--ignore-fields=id,dt", "--output=relative/out", "--sample-size=5000", "--colour=red", "stray"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Bad diff job options: ")
                .hasMessageContaining("unknown option --colour")
                .hasMessageContaining("argument 'stray' is not --name=value")
                .hasMessageContaining("--output 'relative/out' is not an absolute URI")
                .hasMessageContaining("--key-fields: '1x' is not a field name")
                .hasMessageContaining("--key-fields: 'id' is given twice")
                .hasMessageContaining("--ignore-fields: [id] are key fields")
                .hasMessageContaining("--landing-a and --landing-b are both file:///l/a/")
                .hasMessageContaining("--sample-size must be within 0..1000, was 5000");
        assertThatThrownBy(() -> DiffJobOptions.parse()).hasMessageContaining("--landing-a is required")
                .hasMessageContaining("--landing-b is required").hasMessageContaining("--output is required")
                .hasMessageContaining("--key-fields is required");
        assertThatThrownBy(() -> DiffJobOptions.parse("--landing-a=file:///l/a", "--landing-b=file:///l/b", "--key-fields=dt",
                "--output=file:///l/x", "--sample-size=many")).hasMessageContaining("'dt' is the landing's partition column")
                .hasMessageContaining("--sample-size 'many' is not a whole number");
    }

    @Test
    void theOutputMayNeitherBeInsideALandingNorHoldOne() {
        assertThatThrownBy(() -> DiffJobOptions.parse("--landing-a=file:///l/a/", "--landing-b=file:///l/b/", "--key-fields=id",
                "--output=file:///l/a/diff/")).hasMessageContaining("--output file:///l/a/diff/ overlaps the landing file:///l/a/");
        assertThatThrownBy(() -> DiffJobOptions.parse("--landing-a=file:///l/a/", "--landing-b=file:///l/b/", "--key-fields=id",
                "--output=file:///l/")).hasMessageContaining("overlaps the landing file:///l/a/")
                .hasMessageContaining("overlaps the landing file:///l/b/");
    }

    @Test
    void theConstructorRefusesWhatParseRefuses() {
        assertThatThrownBy(() -> new DiffJobOptions(BASELINE.runDirectory(), BASELINE.runDirectory(), List.of(), List.of(),
                BASELINE.diffDirectory(), -1, Optional.empty()))
                .hasMessageContaining("--key-fields is required")
                .hasMessageContaining("a diff compares two landings")
                .hasMessageContaining("--sample-size must be within 0..1000, was -1");
    }
}
