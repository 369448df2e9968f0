package io.offstream.contract.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PinnedManifestLineTests {

    @Test
    void aLineReadsBackAsItWasWritten() {
        PinnedManifestLine line = new PinnedManifestLine(LocalDate.of(2026, 3, 2), "hdfs://nn/w/dt=2026-03-02/part 0.parquet", 4711,
                1_767_225_600_000L);
        assertThat(line.toLine()).isEqualTo("2026-03-02\thdfs://nn/w/dt=2026-03-02/part 0.parquet\t4711\t1767225600000");
        assertThat(PinnedManifestLine.parse(line.toLine())).isEqualTo(line);
    }

    @Test
    void aMalformedLineIsQuoted() {
        assertThatThrownBy(() -> PinnedManifestLine.parse("file:///w/p.parquet\t10\t0"))
                .hasMessage("Manifest line is not date<TAB>uri<TAB>size<TAB>mtime: file:///w/p.parquet\t10\t0");
        assertThatThrownBy(() -> PinnedManifestLine.parse("2026-13-01\tfile:///w/p.parquet\t10\t0"))
                .hasMessageContaining("bad date, size or mtime");
    }
}
