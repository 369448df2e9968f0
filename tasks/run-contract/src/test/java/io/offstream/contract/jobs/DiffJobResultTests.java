package io.offstream.contract.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffJobResultTests {

    private static final DiffJobResult RESULT = new DiffJobResult("file:/l/risk/run=sim-1/", "file:/l/risk-v2/run=sim-1/",
            "file:/l/risk/_diff/run=sim-1/summary.json", 10_000, 9_999, 9_712, 281, 7, 6,
            new TreeMap<>(java.util.Map.of("risk_score", 250L, "decision", 31L, "reasons", 0L)), 4_200);

    @Test
    void readsBackWhatItWrote(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("diff.properties");
        RESULT.write(file);
        assertThat(DiffJobResult.read(file)).isEqualTo(RESULT);
        assertThat(Files.readString(file)).contains("changed-field.risk_score=250", "only-a=7", "summary=file:/l/risk/_diff/run=sim-1/summary.json");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void countsEachKeyOnceInOneLine() {
        assertThat(RESULT.keys()).isEqualTo(9_712 + 281 + 7 + 6);
        assertThat(RESULT.summaryLine()).isEqualTo("identical 9712, changed 281, only in A 7, only in B 6");
    }

    @Test
    void namesAMissingOrMalformedEntry() {
        assertThatThrownBy(() -> DiffJobResult.fromText(RESULT.toText().replace("only-b=6\n", ""))).hasMessageContaining("'only-b'");
        assertThatThrownBy(() -> DiffJobResult.fromText(RESULT.toText().replace("changed-field.decision=31", "changed-field.decision=x")))
                .hasMessageContaining("'changed-field.decision' is 'x', not a whole number");
    }
}
