package io.offstream.contract.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngressJobResultTests {

    static IngressJobResult result() {
        return new IngressJobResult("r20260301-20260307-0123456789", "2026-03-02", "offstream.risk.r20260301-20260307-0123456789.ingress",
                15_000, 1_350, 13_650, Map.of("NOT_IN_SET", 300L, "DUPLICATE_KEY", 150L, "TYPE_MISMATCH", 900L),
                List.of("file:/warehouse/dt=2026-03-02/part 9=#!:\\.parquet", "hdfs://nn/ü\n\tx"), Map.of(0, 4471L, 2, 4600L, 1, 4579L),
                8_123, 1846.6083959128402);
    }

    @Test
    void writtenAndReadBackItIsEqual(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("result.properties");
        result().write(file);
        assertThat(IngressJobResult.read(file)).isEqualTo(result());
        assertThat(dir.resolve("result.properties.tmp")).doesNotExist();
    }

    @Test
    void anEmptyResultRoundTrips() {
        IngressJobResult empty = new IngressJobResult("r1", "2026-03-03", "t", 0, 0, 0, Map.of(), List.of(), Map.of(0, 0L), 10, 0.0);
        assertThat(IngressJobResult.fromText(empty.toText())).isEqualTo(empty);
    }

    @Test
    void theFileIsReadableLines() {
        assertThat(result().toText()).contains("read=15000\n", "rejected-by-reason.NOT_IN_SET=300\n", "end-offset.2=4600\n");
    }

    @Test
    void aMissingCountIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("result.properties");
        Files.writeString(file, result().toText().replace("published=13650\n", ""));
        assertThatThrownBy(() -> IngressJobResult.read(file)).isInstanceOf(IOException.class).hasMessageContaining("'published' is missing");
    }
}
