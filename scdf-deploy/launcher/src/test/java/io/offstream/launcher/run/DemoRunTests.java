package io.offstream.launcher.run;

import static io.offstream.launcher.run.FakeDataFlow.child;
import static io.offstream.launcher.run.FakeDataFlow.ended;
import static io.offstream.launcher.run.FakeDataFlow.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.offstream.launcher.Catalogue;
import io.offstream.launcher.LauncherException;
import io.offstream.launcher.PlatformSettings;
import io.offstream.launcher.cluster.EngineClusters;
import io.offstream.launcher.platform.PlatformPorts;
import io.offstream.launcher.platform.PlatformUp;
import io.offstream.launcher.platform.Region;

class DemoRunTests {

    @TempDir
    Path root;

    private PlatformSettings settings;

    private final FakeDataFlow dataFlow = new FakeDataFlow();

    private final FakeTicker ticker = new FakeTicker();

    private final RecordingConsole out = new RecordingConsole();

    private int ups;

    @BeforeEach
    void catalogue() throws Exception {
        settings = new PlatformSettings(root, root.resolve(".offstream"), root.resolve("services").toString(), "127.0.0.1",
                Region.parse(Region.DEFAULTS), PlatformPorts.fixed());
        for (String service : List.of("risk", "risk-candidate", "pricing")) {
            RunReportsTests.write(root.resolve("services").resolve(service).resolve("service.yaml"), "name: " + service);
        }
    }

    private DemoRun demo() {
        return new DemoRun(settings, RunTarget.local(settings), new Catalogue(settings.services()), () -> ups++, dataFlow,
                new RunFollower(dataFlow, out.console, ticker), new RunReports(settings.landing(), out.console, new ObjectMapper()), out.console, ticker);
    }

    private static RunOptions options(String... args) {
        return RunOptions.parse(List.of(args), LocalDateTime.of(2026, 12, 2, 9, 0));
    }

    private void report(String service, String runKey, boolean passed) throws Exception {
        RunReportsTests.write(settings.landing().resolve(service + "/_validation/run=" + runKey + "/report.json"),
                "{\"runKey\":\"" + runKey + "\",\"passed\":" + passed + "}");
    }

    @Test
    void generatesTheSampleLaunchesTheRunAndPassesOnAPassedReport() throws Exception {
        dataFlow.definitions("offstream-run").execution(1, running(1, "offstream-sample-warehouse"), ended(1, "offstream-sample-warehouse", 0))
                .execution(2, running(2, "offstream-run"), ended(2, "offstream-run", 0))
                .recent(List.of(child(3, "offstream-run-plan", 2, 0, null)));
        report("risk", "r1", true);

        demo().run(options("--days", "2", "--rows-per-day", "2000", "--run-key", "r1"));

        assertThat(ups).isEqualTo(1);
        assertThat(dataFlow.created).containsExactly("offstream-sample-warehouse=offstream-sample-warehouse");
        String warehouse = root.resolve(".offstream/warehouse/transactions").toString();
        assertThat(dataFlow.launches.get(0).arguments()).containsExactly("--offstream.sample.dataset=transactions",
                "--offstream.sample.path=" + warehouse, "--offstream.sample.days=2", "--offstream.sample.rows-per-day=2000",
                "--offstream.sample.start-date=2026-01-01", "--offstream.sample.bad-row-fraction=0.01");
        FakeDataFlow.Launch run = dataFlow.launches.get(1);
        assertThat(run.name()).isEqualTo("offstream-run");
        assertThat(run.properties()).containsEntry("app.*.offstream.run.dataset", warehouse)
                .containsEntry("app.*.offstream.run.from", "2026-01-01").containsEntry("app.*.offstream.run.to", "2026-01-02")
                .containsEntry("app.*.offstream.run.service", "risk").containsEntry("app.*.offstream.run.key", "r1")
                .containsEntry("app.*.offstream.run.landing", settings.landing().toString())
                .containsEntry("app.*.offstream.validate.max-rejected-fraction", "0.010500")
                .containsEntry("app.*.offstream.validate.max-dead-lettered-fraction", "0")
                .doesNotContainKey("app.*.offstream.run.candidate")
                // the embedded engines, said outright: SCDF would give this launch an earlier --cluster launch's engines
                .containsEntry("app.*.offstream.ingress.engine", "child-jvm").containsEntry("app.*.offstream.ingress.master", "local[*]")
                .containsEntry("app.*.offstream.diff.engine", "child-jvm").containsEntry("app.*.offstream.egress.flink-rest", "embedded")
                .containsEntry("app.*.offstream.ingress.spark-conf.spark.driver.bindAddress", "127.0.0.1");
        assertThat(out.lines()).contains(
                "[offstream] generating the sample transactions warehouse: 2 days x 2000 rows from 2026-01-01, bad-row fraction 0.01 -> "
                        + ".offstream/warehouse/transactions",
                "[offstream] sample warehouse written in 2s",
                "[offstream] the sample plants a 0.01 fraction of bad rows: validation allows 0.010500 rejected (offstream.validate.max-rejected-fraction)",
                "[offstream] launching offstream-run for run r1 (2026-01-01 .. 2026-01-02)",
                "[offstream] composed task execution 2: follow it at http://localhost:9393/dashboard/#/tasks-jobs/task-executions/2",
                "[offstream] offstream-run ended with exit code 0 after 5s",
                "[offstream] validation PASSED");
    }

    @Test
    void onTheClustersTheSampleAndTheLandingAreOnHdfsAndThePhasesGetTheEngines() {
        EngineClusters clusters = PlatformUp.engineClusters(settings);
        Map<URI, String> hdfs = new HashMap<>();
        hdfs.put(URI.create("hdfs://localhost:19000/offstream/landing/risk/_validation/run=c1/report.json"), "{\"passed\":true}");
        DemoRun demo = new DemoRun(settings, RunTarget.onClusters(clusters), new Catalogue(settings.services()), () -> ups++, dataFlow,
                new RunFollower(dataFlow, out.console, ticker),
                new RunReports(clusters.landing(), file -> Optional.ofNullable(hdfs.get(file)), out.console, new ObjectMapper()), out.console, ticker);
        dataFlow.definitions("offstream-run").execution(1, running(1, "offstream-sample-warehouse"), ended(1, "offstream-sample-warehouse", 0))
                .execution(2, ended(2, "offstream-run", 0));

        demo.run(options("--cluster", "--days", "1", "--run-key", "c1"));

        String warehouse = "hdfs://localhost:19000/offstream/warehouse/transactions";
        assertThat(dataFlow.launches.get(0).arguments()).contains("--offstream.sample.path=" + warehouse);
        assertThat(dataFlow.launches.get(1).properties()).containsEntry("app.*.offstream.run.dataset", warehouse)
                .containsEntry("app.*.offstream.run.landing", "hdfs://localhost:19000/offstream/landing")
                .containsEntry("app.*.offstream.ingress.engine", "spark-submit")
                .containsEntry("app.*.offstream.ingress.master", "spark://127.0.0.1:17077")
                .containsEntry("app.*.offstream.egress.flink-rest", "http://localhost:18281");
        assertThat(out.lines()).contains("[offstream] validation report of risk (hdfs://localhost:19000/offstream/landing/risk/_validation/run=c1/report.json):",
                "[offstream] rejected rows by reason: OFFSTREAM_LANDING=hdfs://localhost:19000/offstream/landing scdf-deploy/local/sql.sh "
                        + "\"SELECT reason_code, reason_field, count(*) FROM quarantine_risk WHERE run = 'c1' GROUP BY 1, 2\"",
                "[offstream] validation PASSED");
    }

    @Test
    void aFailedPhaseIsNamedAndTheRunDoesNotPass() {
        dataFlow.definitions("offstream-run", "offstream-sample-warehouse").execution(1, ended(1, "offstream-run", 1))
                .recent(List.of(child(2, "offstream-run-plan", 1, 0, null), child(3, "offstream-run-ingress", 1, 1, "step ingress failed: boom"),
                        child(4, "offstream-run-egress", 1, 2, null)));

        assertThatThrownBy(() -> demo().run(options("--dataset-path", "/data/wh", "--run-key", "r2"))).isInstanceOf(LauncherException.class)
                .hasMessage("the run did not pass");

        assertThat(dataFlow.launches).singleElement().extracting(FakeDataFlow.Launch::name).isEqualTo("offstream-run");
        assertThat(dataFlow.launches.get(0).properties()).containsEntry("app.*.offstream.validate.max-rejected-fraction", "0.01")
                .containsEntry("app.*.offstream.run.dataset", "/data/wh");
        assertThat(out.lines()).contains("[offstream]   failed: offstream-run-ingress (task execution 3): step ingress failed: boom",
                "[offstream]   failed: offstream-run-egress (task execution 4): no reason recorded; see its log under .offstream/task-work")
                .noneMatch(line -> line.contains("offstream-run-plan (task execution"));
    }

    @Test
    void aPassedRunWithAFailedReportDoesNotPass() throws Exception {
        dataFlow.definitions("offstream-run", "offstream-sample-warehouse").execution(1, ended(1, "offstream-run", 0));
        report("risk", "r3", false);

        assertThatThrownBy(() -> demo().run(options("--dataset-path", "/data/wh", "--run-key", "r3", "--max-rejected-fraction", "0.5")))
                .hasMessage("the run did not pass");
        assertThat(out.lines()).contains("[offstream] validation allows 0.5 rejected (--max-rejected-fraction)");
    }

    @Test
    void aSimulationNeedsBothReportsAndTheDiff() throws Exception {
        dataFlow.definitions("offstream-run", "offstream-sample-warehouse", "offstream-simulate").execution(1, ended(1, "offstream-simulate", 0));
        report("risk", "sim-x", true);
        report("risk-candidate", "sim-x", true);

        assertThatThrownBy(() -> demo().run(options("--simulate", "--dataset-path", "/data/wh", "--run-key", "sim-x")))
                .hasMessage("the run did not pass");
        assertThat(dataFlow.launches.get(0).properties()).containsEntry("app.*.offstream.run.candidate", "risk-candidate");

        RunReportsTests.write(settings.landing().resolve("risk/_diff/run=sim-x/summary.json"),
                "{\"identical\":1,\"changed\":0,\"onlyA\":0,\"onlyB\":0,\"fields\":{}}");
        dataFlow.execution(2, ended(2, "offstream-simulate", 0));
        demo().run(options("--simulate", "--dataset-path", "/data/wh", "--run-key", "sim-x"));
        assertThat(out.lines()).last().isEqualTo("[offstream] validation PASSED for both versions; the diff is above");
    }

    @Test
    void multiRegionLaunchesTheDispatcherAndChecksEveryChild() throws Exception {
        dataFlow.definitions("offstream-run", "offstream-sample-warehouse", "offstream-multi-region")
                .execution(1, ended(1, "offstream-multi-region", 0));
        report("risk", "m1-c1of2", true);

        assertThatThrownBy(() -> demo().run(options("--children", "2", "--dataset-path", "/data/wh", "--run-key", "m1",
                "--max-dead-lettered-fraction", "0.1"))).hasMessage("the multi-region run did not pass (see the dispatch task's log and "
                        + "http://localhost:8090/dispatches?runKey=m1)");

        assertThat(dataFlow.launches.get(0).arguments()).contains("--offstream.dispatch.children=2",
                "--offstream.dispatch.registry-url=http://localhost:8090",
                "--offstream.dispatch.child-properties[app.validate.offstream.validate.max-rejected-fraction]=0.01",
                "--offstream.dispatch.child-properties[app.validate.offstream.validate.max-dead-lettered-fraction]=0.1");
        assertThat(out.lines()).contains("[offstream] validation allows 0.1 dead-lettered (--max-dead-lettered-fraction)",
                "[offstream] dispatch task execution 1; regions and their queue: http://localhost:8090/regions, "
                        + "http://localhost:8090/dispatches?runKey=m1");
    }

    @Test
    void refusesBeforeStartingAnything() {
        assertThatThrownBy(() -> demo().run(options("--service", "nope", "--dataset-path", "/wh"))).hasMessage(
                "service 'nope' is not in the catalogue " + root.resolve("services") + " (entries: pricing risk-candidate risk)");
        assertThatThrownBy(() -> demo().run(options("--service", "nope"))).hasMessage(
                "there is no sample dataset for service 'nope': give your warehouse with --dataset-path");
        assertThatThrownBy(() -> demo().run(options("--service", "pricing", "--simulate"))).hasMessage(
                "candidate 'pricing-candidate' is not in the catalogue " + root.resolve("services") + " (entries: pricing risk-candidate risk)");
        assertThat(ups).isZero();
    }

    @Test
    void aMissingDefinitionIsNamed() {
        dataFlow.refuseCreate = true;
        dataFlow.definitions("offstream-run");

        assertThatThrownBy(() -> demo().run(options())).hasMessage(
                "task definition offstream-sample-warehouse is missing: its apps are not built or registered (see up.sh's output)");

        dataFlow.definitions("offstream-sample-warehouse");
        assertThatThrownBy(() -> demo().run(options("--children", "3"))).hasMessage(
                "task definition offstream-multi-region is missing: its apps are not built or registered (see up.sh's output)");
    }

    @Test
    void aRelativeDatasetPathIsFromWhereTheUserStands() {
        assertThat(demo().warehouse(options("--dataset-path", "wh"))).isEqualTo(Path.of("wh").toAbsolutePath().toString());
        assertThat(demo().warehouse(options("--dataset-path", "hdfs://nn/wh"))).isEqualTo("hdfs://nn/wh");
        assertThat(Files.exists(root.resolve(".offstream"))).isFalse();
    }
}
