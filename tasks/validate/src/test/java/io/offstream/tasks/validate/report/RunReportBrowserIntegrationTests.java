package io.offstream.tasks.validate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.tasks.support.run.RunSide;

/**
 * A simulation's run report, every section filled, opened from its file in headless Chromium with no
 * network: every chart is drawn by the inlined ECharts ({@code data-points} > 0 on each container).
 * Needs the Debian package {@code chromium} ({@code .ci/run} installs it). With
 * {@code -Drun-report.screenshot=<file.png>} it also saves a screenshot of the page, and the page beside it ({@code <file>.html}).
 */
class RunReportBrowserIntegrationTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final Pattern CHART = Pattern.compile("<div class=\"chart[^\"]*\" id=\"([^\"]+)\"[^>]*>");

    private static final Pattern POINTS = Pattern.compile("data-points=\"(\\d+)\"");

    @TempDir
    Path work;

    @Test
    void everyChartOfAFullReportIsDrawnInABrowserWithoutNetwork() throws Exception {
        ReportFixture run = ReportFixture.simulation(work);
        URI page = new RunReportWriter(run.collector(), run.hadoop).write(run.run(), RunSide.Which.BASELINE,
                run.validation(RunSide.Which.BASELINE, false), run.deadLetters());

        long started = System.nanoTime();
        String dom = chromium(List.of("--dump-dom", page.toString()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Chromium rendered %s in %d ms%n", page, millis);

        Map<String, Integer> points = chartPoints(dom);
        assertThat(points).containsOnlyKeys("chart-timeline", "chart-throughput", "chart-lag", "chart-rejects", "chart-dead-letters",
                "chart-partitions", "chart-diff-fields");
        assertThat(points).allSatisfy((chart, n) -> assertThat(n).as(chart + "'s data points").isPositive());
        assertThat(points).containsEntry("chart-timeline", 9).containsEntry("chart-rejects", 3).containsEntry("chart-dead-letters", 2)
                .containsEntry("chart-partitions", 8).containsEntry("chart-diff-fields", 3);
        assertThat(dom).as("the escaped messages stay text").doesNotContain(ReportFixture.INJECTED);
        assertThat(Pattern.compile("<svg").matcher(dom).results().count()).as("one drawing per chart").isGreaterThanOrEqualTo(7);

        String screenshot = System.getProperty("run-report.screenshot");
        if (screenshot != null && !screenshot.isBlank()) {
            Files.copy(Path.of(page), Path.of(screenshot.replaceFirst("(\\.png)?$", ".html")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            chromium(List.of("--hide-scrollbars", "--window-size=1400,5000", "--screenshot=" + Path.of(screenshot).toAbsolutePath(),
                    page.toString()));
        }
    }

    @Test
    void aChartWithNothingToShowSaysSoWithZeroPoints() throws Exception {
        ReportFixture run = ReportFixture.planned(work);
        URI page = new RunReportWriter(run.collector(), run.hadoop).write(run.run(), RunSide.Which.BASELINE,
                run.validation(RunSide.Which.BASELINE, true), run.deadLetters());

        String dom = chromium(List.of("--dump-dom", page.toString()));

        assertThat(chartPoints(dom)).hasSize(6).allSatisfy((chart, n) -> assertThat(n).as(chart).isZero());
        assertThat(Pattern.compile("<p class=\"no-data\">no data</p>").matcher(dom).results().count()).isEqualTo(6);
    }

    /** Each chart container's id and its data-points; -1 when the page's script never set it. */
    private static Map<String, Integer> chartPoints(String dom) {
        Map<String, Integer> points = new LinkedHashMap<>();
        Matcher chart = CHART.matcher(dom);
        while (chart.find()) {
            Matcher n = POINTS.matcher(chart.group());
            points.put(chart.group(1), n.find() ? Integer.parseInt(n.group(1)) : -1);
        }
        return points;
    }

    /** Runs headless Chromium on its own fresh profile, without network services; returns what it printed. */
    private String chromium(List<String> arguments) throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: install the Debian package chromium (apt-get install chromium; .ci/run does) "
                    + "to check the run report in a browser");
        }
        Path profile = Files.createTempDirectory(work, "chromium-");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=10000"));
        command.addAll(arguments);
        Path out = work.resolve("chromium.out");
        Path err = work.resolve("chromium.err");
        Process chromium = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!chromium.waitFor(60, TimeUnit.SECONDS)) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            fail("Chromium did not finish within 60 s: " + Files.readString(err));
        }
        assertThat(chromium.exitValue()).as("Chromium's exit code; its errors: %s", Files.readString(err)).isZero();
        return Files.readString(out);
    }
}
