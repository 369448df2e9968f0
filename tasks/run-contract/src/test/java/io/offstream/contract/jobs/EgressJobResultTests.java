package io.offstream.contract.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EgressJobResultTests {

    static EgressJobResult succeeded() {
        return new EgressJobResult(EgressJobResult.SUCCEEDED, "risk", "r1", "offstream.risk.r1.egress",
                "file:/data/landing/risk/run=r1/", "attempt-1795320595303",
                new TreeMap<>(Map.of(0, 7278L, 1, 7280L, 2, 7278L, 3, 0L)), false, 21_500, 1_500, 20_000,
                new TreeMap<>(Map.of("2026-03-01", 6667L, "2026-03-02", 6667L, "2026-03-03", 6666L)), 0,
                "2026-11-22T04:05:21.795Z", "2026-11-22T04:05:29.855Z", 8060, 6000, 2667, null);
    }

    static EgressJobResult failed(String error) {
        return new EgressJobResult(EgressJobResult.FAILED, "pricing", "r2", "offstream.pricing.r2.egress",
                "hdfs://nn:8020/landing/pricing/run=r2/", "task-9", new TreeMap<>(), true, 0, 0, 0, new TreeMap<>(), 1,
                "2026-11-22T04:05:21.795Z", "2026-11-22T04:05:22.001Z", 206, 0, 0, error);
    }

    @Test
    void aWrittenResultReadsBackEqual(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results/egress-r1.properties");

        succeeded().writeTo(file);

        assertThat(EgressJobResult.readFrom(file)).isEqualTo(succeeded());
        assertThat(EgressJobResult.readFrom(file).succeeded()).isTrue();
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file is left").containsExactly(file);
        }
    }

    @Test
    void anErrorWithLineBreaksSeparatorsAndNonAsciiTextReadsBackEqual(@TempDir Path dir) throws IOException {
        String error = " Undecodable record on offstream.pricing.r2.egress partition 0 offset 6: key=a|b\\c #1 !\n"
                + "\tcaused by: prix négatif € 😀 \r\nend ";
        Path file = dir.resolve("failed.properties");

        failed(error).writeTo(file);

        assertThat(EgressJobResult.readFrom(file)).isEqualTo(failed(error));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isASCII().contains("stoppingOffsetsGiven=true");
    }

    @Test
    void theTextListsOneEntryPerLineInAFixedOrder() {
        assertThat(succeeded().toText()).contains("status=SUCCEEDED\nservice=risk\nrunKey=r1\n"
                        + "topic=offstream.risk.r1.egress\nrunDirectory=file:/data/landing/risk/run=r1/\n")
                .contains("stoppingOffsets.0=7278\nstoppingOffsets.1=7280\n")
                .contains("landedByDt.2026-03-01=6667\n")
                .doesNotContain("error=");
    }

    @Test
    void aMissingOrMalformedEntryIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.properties");
        Files.writeString(file, succeeded().toText().replace("recordsRead=21500\n", ""));
        assertThatThrownBy(() -> EgressJobResult.readFrom(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("it has no 'recordsRead'");

        Files.writeString(file, succeeded().toText().replace("landedTotal=20000", "landedTotal=many"));
        assertThatThrownBy(() -> EgressJobResult.readFrom(file)).hasMessageContaining("'landedTotal' is 'many', not a whole number");

        Files.writeString(file, succeeded().toText().replace("stoppingOffsets.0=", "stoppingOffsets.zero="));
        assertThatThrownBy(() -> EgressJobResult.readFrom(file)).hasMessageContaining("'stoppingOffsets.zero' does not name a partition");
    }
}
