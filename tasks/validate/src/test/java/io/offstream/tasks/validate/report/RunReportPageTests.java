package io.offstream.tasks.validate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.tasks.support.run.RunSide;

/** The page rendered from a ledger in H2 and the run's files: self-contained, naming the run, escaping what messages say. */
class RunReportPageTests {

    @TempDir
    Path work;

    @Test
    void inlinesEChartsFromTheWebjarAndNamesTheRun() throws Exception {
        ReportFixture run = ReportFixture.simulation(work);

        String page = render(run, RunSide.Which.CANDIDATE, false);

        String echarts;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js")) {
            echarts = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(page).contains(echarts.substring(0, 2000), echarts.substring(echarts.length() - 2000));
        assertThat(page).doesNotContain("src=\"http", "href=\"http", "<link");
        assertThat(page).contains("<title>Run " + run.run().runKey() + " · risk-candidate · FAILED</title>",
                "risk (baseline, A) with risk-candidate (candidate, B)");
        for (String chart : new String[] {"chart-timeline", "chart-throughput", "chart-lag", "chart-rejects", "chart-dead-letters",
                "chart-partitions", "chart-diff-fields"}) {
            assertThat(page).contains("<div class=\"chart\" id=\"" + chart + "\"");
        }
    }

    @Test
    void escapesMarkupInMessagesFromTheServiceAndTheLedger() throws Exception {
        ReportFixture run = ReportFixture.simulation(work);

        String page = render(run, RunSide.Which.BASELINE, false);

        assertThat(page).doesNotContain(ReportFixture.INJECTED).contains("&lt;script&gt;alert(&#39;injected&#39;)&lt;/script&gt;");
        assertThat(Pattern.compile("<script", Pattern.CASE_INSENSITIVE).matcher(page).results().count())
                .as("the data, ECharts and the page's script: no other script element").isEqualTo(3);
    }

    @Test
    void aPlannedRunHasItsChartsWithoutDataAndItsRejectsFromTheLedger() throws Exception {
        ReportFixture run = ReportFixture.planned(work);

        String page = render(run, RunSide.Which.BASELINE, true);

        assertThat(page).contains("PASSED", "\"phases\":[]", "\"throughput\":[]", "\"lag\":[]", "\"deadLetters\":{\"labels\":[],\"counts\":[]}",
                "Counted by the ledger, by reason only");
        assertThat(page).as("no comparison in a plain run").doesNotContain("id=\"diff\"", "id=\"chart-diff-fields\"");
    }

    @Test
    void theChartDataCannotEndItsScriptElement() {
        assertThat(ReportChartData.scriptSafe("{\"m\":\"</script><b>&\"}")).isEqualTo("{\"m\":\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\"}");
        assertThat(ReportAssets.inlinable("a</SCRIPT>b</script")).isEqualTo("a<\\/SCRIPT>b<\\/script");
    }

    private static String render(ReportFixture run, RunSide.Which which, boolean passed) {
        return RunReportPage.render(run.collector().collect(run.run(), which, run.validation(which, passed), run.deadLetters()));
    }
}
