package io.offstream.contract.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IngressJobOptionsTests {

    static IngressJobOptions options(long pauseAfterRows) {
        return new IngressJobOptions("file:///repo/schemas/services/", "risk", "r20260301-20260307-0123456789",
                "/tmp/work/manifest.tsv", "offstream.risk.r20260301-20260307-0123456789.ingress",
                "file:///landing/_quarantine/risk/run=r20260301-20260307-0123456789/", "/tmp/work/results",
                Map.of("bootstrap.servers", "localhost:9092", "sasl.jaas.config", "a=b c=\"d\""), "skip", 2,
                pauseAfterRows > 0 ? LocalDate.of(2026, 3, 2) : null, pauseAfterRows);
    }

    @Test
    void parsingItsArgumentsGivesTheSameOptions() {
        assertThat(IngressJobOptions.parse(options(0).toArguments().toArray(String[]::new))).isEqualTo(options(0));
        assertThat(IngressJobOptions.parse(options(2000).toArguments().toArray(String[]::new))).isEqualTo(options(2000));
    }

    @Test
    void argumentsAreNameValuePairs() {
        assertThat(options(2000).toArguments()).contains("--service=risk", "--result-dir=/tmp/work/results", "--on-corrupt-file=skip",
                "--pause-partition=2026-03-02", "--pause-after-rows=2000", "--producer.bootstrap.servers=localhost:9092")
                .allMatch(a -> a.startsWith("--"));
        assertThat(options(0).toArguments()).noneMatch(a -> a.startsWith("--pause-"));
    }

    @Test
    void theTopicAndTheCorruptFilePolicyHaveDefaults() {
        IngressJobOptions parsed = IngressJobOptions.parse(new String[] {"--services-location=hdfs://nn:8020/catalogue",
                "--service=risk", "--run-key=r1", "--manifest=m.tsv", "--quarantine=file:///q", "--result-dir=results",
                "--producer.bootstrap.servers=localhost:9092"});
        assertThat(parsed.topic()).isEqualTo("offstream.risk.r1.ingress");
        assertThat(parsed.onCorruptFile()).isEqualTo("fail");
        assertThat(parsed.skipsCorruptFiles()).isFalse();
        assertThat(parsed.pauseAfterRows()).isZero();
        assertThat(parsed.parallelPartitions()).isEqualTo(1);
        assertThat(parsed.pausesIn(LocalDate.of(2026, 3, 2))).isFalse();
    }

    @Test
    void theLargestRecordIsTheProducersMaxRequestSizeOrKafkasDefault() {
        assertThat(options(0).maxRecordBytes()).isEqualTo(1024 * 1024);
        IngressJobOptions raised = IngressJobOptions.parse(new String[] {"--services-location=file:///c", "--service=risk",
                "--run-key=r1", "--manifest=m.tsv", "--quarantine=file:///q", "--result-dir=results",
                "--producer.bootstrap.servers=localhost:9092", "--producer.max.request.size=4194304"});
        assertThat(raised.maxRecordBytes()).isEqualTo(4 * 1024 * 1024);
        assertThatThrownBy(() -> IngressJobOptions.parse(new String[] {"--services-location=file:///c", "--service=risk",
                "--run-key=r1", "--manifest=m.tsv", "--quarantine=file:///q", "--result-dir=results",
                "--producer.bootstrap.servers=localhost:9092", "--producer.max.request.size=4MB"}))
                .hasMessageContaining("--producer.max.request.size must be a positive number of bytes, was '4MB'");
    }

    @Test
    void onlyTheFaultInjectedPartitionPauses() {
        assertThat(options(2000).pausesIn(LocalDate.of(2026, 3, 2))).isTrue();
        assertThat(options(2000).pausesIn(LocalDate.of(2026, 3, 3))).isFalse();
    }

    @Test
    void eachPartitionHasItsResultFileInTheResultDirectory() {
        assertThat(options(0).resultFile(LocalDate.of(2026, 3, 2))).isEqualTo(java.nio.file.Path.of("/tmp/work/results/dt=2026-03-02.properties"));
    }

    @Test
    void theQuarantineDayIsUnderTheRunsQuarantine() {
        assertThat(options(0).quarantineDay(LocalDate.of(2026, 3, 2)))
                .isEqualTo(URI.create("file:///landing/_quarantine/risk/run=r20260301-20260307-0123456789/dt=2026-03-02/"));
    }

    @Test
    void badValuesAreRefusedWithEveryProblemNamed() {
        assertThatThrownBy(() -> IngressJobOptions.parse(new String[] {"--service=Risk", "--run-key=r1", "--pause-partition=2.3.2026",
                "--quarantine=relative/q", "--on-corrupt-file=ignore", "--parallel-partitions=0", "--pause-after-rows=-1", "--max-text-length=512", "stray"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Bad ingress job options: ")
                .hasMessageContainingAll("argument 'stray' is not --name=value", "unknown option --max-text-length",
                        "--services-location is required", "--pause-partition '2.3.2026' is not yyyy-MM-dd", "--manifest is required",
                        "--result-dir is required", "--producer.bootstrap.servers is required",
                        "--quarantine 'relative/q' is not an absolute URI", "--service 'Risk' must match",
                        "--on-corrupt-file must be fail or skip, was 'ignore'", "--parallel-partitions must be at least 1, was 0",
                        "--pause-after-rows must not be negative")
                .satisfies(e -> assertThat(e.getMessage().split("--producer.bootstrap.servers", -1)).hasSize(2));
    }

    @Test
    void aTopicOfAnotherRunIsRefused() {
        List<String> args = new java.util.ArrayList<>(options(0).toArguments());
        args.replaceAll(a -> a.startsWith("--topic=") ? "--topic=offstream.risk.other.ingress" : a);
        assertThatThrownBy(() -> IngressJobOptions.parse(args.toArray(String[]::new)))
                .hasMessageContaining("--topic 'offstream.risk.other.ingress' is not the ingress topic of service 'risk'");
    }

    @Test
    void theConstructorRefusesWhatParseWouldRefuse() {
        assertThatThrownBy(() -> new IngressJobOptions("file:///s/", "risk", "r1", "m", "offstream.risk.r1.ingress", "file:///q/", "r",
                Map.of("bootstrap.servers", "h:1"), "sometimes", 1, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--on-corrupt-file must be fail or skip");
    }

    @Test
    void itsTextNamesProducerPropertiesButNotTheirValues() {
        assertThat(options(0).toString()).contains("sasl.jaas.config").doesNotContain("a=b");
    }
}
