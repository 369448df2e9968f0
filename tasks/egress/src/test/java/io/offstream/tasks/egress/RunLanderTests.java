package io.offstream.tasks.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.contract.jobs.EgressJobOptions;
import io.offstream.contract.jobs.EgressJobResult;
import io.offstream.contract.jobs.OptionsFile;
import io.offstream.tasks.support.engine.EngineJob;
import io.offstream.tasks.support.engine.EngineResult;
import io.offstream.tasks.support.engine.EngineSubmitter;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.ledger.Phase;
import io.offstream.tasks.support.ledger.PhaseCounts;
import io.offstream.tasks.support.ledger.PhaseRecord;
import io.offstream.tasks.support.ledger.PhaseStatus;
import io.offstream.tasks.support.ledger.RunLedger;
import io.offstream.tasks.support.run.RunParameters;
import io.offstream.tasks.support.run.RunSide;

/** The task's side of the job contract: the arguments it builds parse as the job parses them, and the result it reads is recorded. */
class RunLanderTests {

    private static final URI CATALOGUE = URI.create("hdfs://nn:8020/offstream/services/");

    @TempDir
    Path work;

    private RunLedger ledger;
    private LedgerRun run;
    private EgressJobOptions submitted;

    @BeforeEach
    void planARunThatDrained() throws IOException {
        Files.createFile(work.resolve("job-all.jar"));
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ledger = RunLedger.migrated(dataSource);
        RunParameters parameters = RunParameters.resolve("/d/orders", "2026-01-01", "2026-01-02", "pricing", null,
                work.resolve("landing").toString());
        run = new LedgerRun(parameters, parameters.topics(), 2, Instant.now(), "PLANNED");
        ledger.createRunIfAbsent(run, List.of());
        ledger.startPhase(run.runKey(), Phase.LAG_WAIT, 1L);
        ledger.completePhase(run.runKey(), Phase.LAG_WAIT, PhaseCounts.NONE, "drained");
    }

    @Test
    void passesTheRunsServiceAndTheCatalogueAndRecordsTheJobsResult() throws Exception {
        RunLander lander = lander(null, options -> result(options, EgressJobResult.SUCCEEDED, 1_050, 50, null));

        lander.land(run, RunSide.Which.BASELINE, work.resolve("job-all.jar"), work.resolve("work"), 7L);

        assertThat(submitted.service()).isEqualTo("pricing");
        assertThat(submitted.runKey()).isEqualTo(run.runKey());
        assertThat(submitted.topic()).isEqualTo(run.topics().egress());
        assertThat(submitted.servicesLocation()).isEqualTo(CATALOGUE);
        assertThat(submitted.runDirectory()).isEqualTo(run.parameters().layout().runDirectory());
        assertThat(submitted.attemptId()).isEqualTo("task-7");
        assertThat(submitted.jobJar()).as("shipped only to a remote cluster").isEmpty();
        PhaseRecord egress = ledger.phase(run.runKey(), Phase.EGRESS).orElseThrow();
        assertThat(egress.status()).isEqualTo(PhaseStatus.COMPLETED);
        assertThat(egress.counts().read()).isEqualTo(1_050);
        assertThat(egress.counts().duplicates()).isEqualTo(50);
        assertThat(egress.counts().landed()).isEqualTo(1_000);
        assertThat(ledger.topicOffsets(run.runKey(), Phase.EGRESS, run.topics().egress())).isEqualTo(Map.of(0, 600L, 1, 452L));
    }

    @Test
    void forwardsTheKafkaClientSettingsInAFileOnlyThisUserReadsNotOnTheCommandLine() throws Exception {
        Map<String, String> client = Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"hunter2\";",
                "bootstrap.servers", "elsewhere:9092");
        List<String> commandLine = new ArrayList<>();
        List<String> filePermissions = new ArrayList<>();
        RunLander lander = lander(null, client, job -> {
            commandLine.addAll(job.args());
            Path file = Path.of(job.args().stream().filter(a -> a.startsWith(OptionsFile.OPTION)).findFirst().orElseThrow()
                    .substring(OptionsFile.OPTION.length()));
            try {
                filePermissions.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, options -> result(options, EgressJobResult.SUCCEEDED, 10, 0, null));

        lander.land(run, RunSide.Which.BASELINE, work.resolve("job-all.jar"), work.resolve("work"), 10L);

        assertThat(submitted.kafkaProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", client.get("sasl.jaas.config"))
                .as("the job's own bootstrap servers are the task's, not an override").doesNotContainKey("bootstrap.servers");
        assertThat(String.join(" ", commandLine)).doesNotContain("hunter2").doesNotContain("SASL_SSL");
        assertThat(filePermissions).containsExactly("rw-------");
        try (var files = Files.list(work.resolve("work"))) {
            assertThat(files.map(Path::toString)).as("removed once the job ended").noneMatch(name -> name.endsWith(".options"));
        }
    }

    @Test
    void aRemoteClusterGetsTheJobJarToShip() throws Exception {
        RunLander lander = lander("http://jobmanager:8081", options -> result(options, EgressJobResult.SUCCEEDED, 10, 0, null));

        lander.land(run, RunSide.Which.BASELINE, work.resolve("job-all.jar"), work.resolve("work"), 8L);

        assertThat(submitted.flinkRest()).contains(URI.create("http://jobmanager:8081"));
        assertThat(submitted.jobJar()).contains(work.resolve("job-all.jar"));
    }

    @Test
    void aFailedJobFailsThePhaseWithTheJobsOwnError() {
        RunLander lander = lander(null, options -> result(options, EgressJobResult.FAILED, 0, 0,
                "Undecodable record on offstream.pricing.x.egress partition 0 offset 6: it has no key"));

        assertThatThrownBy(() -> lander.land(run, RunSide.Which.BASELINE, work.resolve("job-all.jar"), work.resolve("work"), 9L))
                .hasMessageContaining("partition 0 offset 6: it has no key");
        assertThat(ledger.phase(run.runKey(), Phase.EGRESS).orElseThrow().status()).isEqualTo(PhaseStatus.FAILED);
    }

    /** A lander whose "job" parses its arguments as the Flink job does and writes the result the test gives. */
    private RunLander lander(String flinkRest, Function<EgressJobOptions, EgressJobResult> outcome) {
        return lander(flinkRest, Map.of(), job -> { }, outcome);
    }

    private RunLander lander(String flinkRest, Map<String, String> kafkaClient, Consumer<EngineJob> seen,
            Function<EgressJobOptions, EgressJobResult> outcome) {
        EgressProperties settings = new EgressProperties(null, List.of(), 2, flinkRest, Duration.ZERO, true, null, true);
        EngineSubmitter job = (EngineJob engineJob, EngineSubmitter.EngineOutput output) -> {
            seen.accept(engineJob);
            submitted = EgressJobOptions.parse(engineJob.args());
            EgressJobResult result = outcome.apply(submitted);
            try {
                result.writeTo(submitted.resultFile().orElseThrow());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new EngineResult(result.succeeded() ? 0 : 1, Duration.ofSeconds(1), List.of());
        };
        return new RunLander(ledger, job, settings, "localhost:9092", kafkaClient, CATALOGUE);
    }

    private static EgressJobResult result(EgressJobOptions options, String status, long read, long duplicates, String error) {
        boolean ok = EgressJobResult.SUCCEEDED.equals(status);
        return new EgressJobResult(status, options.service(), options.runKey(), options.topic(), options.runDirectory().toString(),
                options.attemptId(), new TreeMap<>(ok ? Map.of(0, 600L, 1, 452L) : Map.of()), false, read, duplicates,
                read - duplicates, new TreeMap<>(ok ? Map.of("2026-01-01", read - duplicates) : Map.of()), ok ? 0 : 1,
                "2026-11-22T04:05:21.795Z", "2026-11-22T04:05:29.855Z", 8060, 6000, 130, error);
    }
}
