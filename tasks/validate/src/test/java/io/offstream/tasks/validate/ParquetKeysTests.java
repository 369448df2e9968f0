package io.offstream.tasks.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.contract.layout.RunLayout;

class ParquetKeysTests {

    private static final org.apache.hadoop.fs.Path RUN = new org.apache.hadoop.fs.Path("file:///home/u/.offstream/landing/risk/run=r1/");
    private static final LocalDate DAY = LocalDate.parse("2026-03-01");

    private final ParquetKeys parquet = new ParquetKeys(new Configuration());

    @Test
    void aDotFolderAboveTheRunDoesNotHideItsFiles() {
        assertThat(ParquetKeys.hidden(RUN, new org.apache.hadoop.fs.Path(
                "file:/home/u/.offstream/landing/risk/run=r1/dt=2026-01-01/part-0.snappy.parquet"))).isFalse();
    }

    @Test
    void underscoreAndDotEntriesBelowTheRunAreHidden() {
        assertThat(ParquetKeys.hidden(RUN, new org.apache.hadoop.fs.Path(
                "file:/home/u/.offstream/landing/risk/run=r1/_staging/part-0.parquet"))).isTrue();
        assertThat(ParquetKeys.hidden(RUN, new org.apache.hadoop.fs.Path(
                "file:/home/u/.offstream/landing/risk/run=r1/dt=2026-01-01/.part-0.parquet.crc"))).isTrue();
    }

    @Test
    void aSeveralFieldKeyIsReadFromItsColumnsAndWrittenAsTheTopicsKeyText(@TempDir Path landing) throws Exception {
        RunLayout layout = new RunLayout(landing.toUri(), "settlement", "r1");
        TestLandings.write(TestLandings.dayDirectory(layout, DAY).resolve("part-0.parquet"),
                List.of(TestLandings.landedRow(42, 3, DAY), TestLandings.landedRow(42, 4, DAY.plusDays(1))));
        TestLandings.write(TestLandings.dayDirectory(layout, DAY.plusDays(1)).resolve("part-0.parquet"),
                List.of(TestLandings.landedRow(7, 1, DAY)));

        List<String> keys = keysUnder(layout.runDirectory(), LandedKey.of(TestLandings.SETTLEMENT));

        assertThat(keys).containsExactlyInAnyOrder("42|3|2026-03-01", "42|4|2026-03-02", "7|1|2026-03-01");
        assertThat(keys).contains(TestLandings.key(TestLandings.request(42, 3, DAY)));
    }

    @Test
    void aSingleFieldKeyIsItsColumnsText(@TempDir Path landing) throws Exception {
        RunLayout layout = new RunLayout(landing.toUri(), "risk", "r1");
        TestLandings.write(TestLandings.dayDirectory(layout, DAY).resolve("part-0.snappy.parquet"),
                List.of(TestLandings.landedDecision("T-1"), TestLandings.landedDecision("T-2")));
        TestLandings.write(Path.of(layout.runDirectory()).resolve("_staging/part-9.parquet"),
                List.of(TestLandings.landedDecision("T-staged")));

        assertThat(keysUnder(layout.runDirectory(), LandedKey.of(TestLandings.RISK))).containsExactlyInAnyOrder("T-1", "T-2");
    }

    @Test
    void anAbsentRunDirectoryHasNoKeys(@TempDir Path landing) throws Exception {
        RunLayout layout = new RunLayout(landing.toUri(), "risk", "never-landed");

        assertThat(keysUnder(layout.runDirectory(), LandedKey.of(TestLandings.RISK))).isEmpty();
    }

    private List<String> keysUnder(URI root, LandedKey key) throws IOException {
        List<String> keys = new ArrayList<>();
        parquet.keysUnder(root, key, keys::add);
        return keys;
    }
}
