package io.offstream.tasks.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.offstream.contract.jobs.IngressJobOptions;
import io.offstream.tasks.support.ledger.LedgerRun;
import io.offstream.tasks.support.run.RunParameters;
import io.offstream.tasks.support.topics.KafkaProperties;

/** The job's arguments come from the planned run, the catalogue and this task's settings, in the run contract's form. */
class RunJobOptionsTests {

    private final RunParameters parameters = RunParameters.resolve("file:///w/orders", "2026-03-01", "2026-03-02", "pricing", null,
            "file:///landing");
    private final LedgerRun run = new LedgerRun(parameters, parameters.topics(), 3, Instant.parse("2026-03-03T00:00:00Z"), "PLANNED");

    private IngressJobOptions options(IngressProperties properties) {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers("localhost:19092");
        return RunJobOptions.of(run, Path.of("/work/m.tsv"), Path.of("/work/results"), properties, kafka, URI.create("hdfs://nn/catalogue/"));
    }

    @Test
    void passesTheRunsServiceTopicQuarantineAndTheCatalogue() {
        IngressJobOptions options = options(new IngressProperties());
        assertThat(options.service()).isEqualTo("pricing");
        assertThat(options.servicesLocation()).isEqualTo("hdfs://nn/catalogue/");
        assertThat(options.topic()).isEqualTo(parameters.topics().ingress());
        assertThat(options.quarantine()).isEqualTo(parameters.layout().quarantine().toString());
        assertThat(options.quarantineDay(LocalDate.of(2026, 3, 2)).toString())
                .endsWith("/_quarantine/pricing/run=" + parameters.runKey() + "/dt=2026-03-02/");
        assertThat(options.resultFile(LocalDate.of(2026, 3, 2))).isEqualTo(Path.of("/work/results/dt=2026-03-02.properties"));
        assertThat(options.producer()).containsEntry("bootstrap.servers", "localhost:19092");
        assertThat(options.pauseAfterRows()).isZero();
        assertThat(IngressJobOptions.parse(options.toArguments().toArray(String[]::new))).isEqualTo(options);
    }

    @Test
    void pausesOnlyTheFaultInjectedPartition() {
        IngressProperties properties = new IngressProperties();
        properties.getFault().setPausePartition("2026-03-02");
        properties.getFault().setPauseAfterRows(500);
        properties.getProducer().put("linger.ms", "5");
        properties.setOnCorruptFile("skip");
        IngressJobOptions options = options(properties);
        assertThat(options.pausesIn(LocalDate.of(2026, 3, 2))).isTrue();
        assertThat(options.pausesIn(LocalDate.of(2026, 3, 1))).isFalse();
        assertThat(options.producer()).containsEntry("linger.ms", "5");
        assertThat(options.skipsCorruptFiles()).isTrue();
        properties.getFault().setPauseAfterRows(0);
        assertThat(options(properties).pausesIn(LocalDate.of(2026, 3, 2))).isFalse();
    }
}
