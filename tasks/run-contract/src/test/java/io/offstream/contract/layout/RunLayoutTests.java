package io.offstream.contract.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RunLayoutTests {

    private final RunLayout layout = new RunLayout(URI.create("hdfs://nn:8020/landing"), "pricing", "demo-1");

    @Test
    void resultsLandByRunAndDay() {
        assertThat(layout.runDirectory()).hasToString("hdfs://nn:8020/landing/pricing/run=demo-1/");
        assertThat(layout.dayDirectory(LocalDate.parse("2026-01-03"))).hasToString("hdfs://nn:8020/landing/pricing/run=demo-1/dt=2026-01-03/");
    }

    @Test
    void bookkeepingFoldersStartWithAnUnderscoreSoReadersSkipThem() {
        assertThat(layout.stagingDirectory()).hasToString("hdfs://nn:8020/landing/pricing/_staging/run=demo-1/");
        assertThat(layout.validationReport()).hasToString("hdfs://nn:8020/landing/pricing/_validation/run=demo-1/report.json");
        assertThat(layout.reportDirectory()).hasToString("hdfs://nn:8020/landing/pricing/_report/run=demo-1/");
        assertThat(layout.quarantineDay(LocalDate.parse("2026-01-03")))
                .hasToString("hdfs://nn:8020/landing/_quarantine/pricing/run=demo-1/dt=2026-01-03/");
        assertThat(layout.diffDirectory()).hasToString("hdfs://nn:8020/landing/pricing/_diff/run=demo-1/");
    }

    @Test
    void aDiffIsFiledBesideItsServicesRunsButOutsideEveryRunFolder() {
        assertThat(layout.diffDirectory().toString()).startsWith(layout.serviceRoot().toString())
                .doesNotStartWith(layout.runDirectory().toString());
    }
}
