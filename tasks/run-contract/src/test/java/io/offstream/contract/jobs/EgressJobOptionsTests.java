package io.offstream.contract.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.contract.layout.RunLayout;

class EgressJobOptionsTests {

    private static final String[] VALID = {
            "--bootstrap-servers=localhost:9092", "--service=risk", "--run-key=r-2026-11-01-a1",
            "--landing=file:///tmp/landing/", "--services-location=file:///opt/offstream/services"};

    @Test
    void parsesTheOptionsAndTakesTheTopicAndFoldersFromTheRunLayout() {
        EgressJobOptions options = EgressJobOptions.parse(concat(VALID, "--stopping-offsets", "0:1234, 1:998",
                "--result-file=/tmp/r.json", "--parallelism=3", "--attempt-id=a7", "--kafka.security.protocol=PLAINTEXT"));

        assertThat(options.topic()).isEqualTo("offstream.risk.r-2026-11-01-a1.egress");
        assertThat(options.landing()).isEqualTo(URI.create("file:///tmp/landing"));
        assertThat(options.servicesLocation()).isEqualTo(URI.create("file:///opt/offstream/services/"));
        assertThat(options.runDirectory()).isEqualTo(URI.create("file:///tmp/landing/risk/run=r-2026-11-01-a1/"));
        assertThat(options.stagingDirectory())
                .isEqualTo(URI.create("file:///tmp/landing/risk/_staging/run=r-2026-11-01-a1/a7/"));
        assertThat(options.stoppingOffsets().orElseThrow().byPartition()).isEqualTo(Map.of(0, 1234L, 1, 998L));
        assertThat(options.resultFile()).contains(Path.of("/tmp/r.json"));
        assertThat(options.parallelism()).isEqualTo(3);
        assertThat(options.kafkaProperties()).containsEntry("security.protocol", "PLAINTEXT");
    }

    @Test
    void defaultsToTheTopicsEndAndParallelismTwo() {
        EgressJobOptions options = EgressJobOptions.parse(VALID);

        assertThat(options.stoppingOffsets()).isEmpty();
        assertThat(options.resultFile()).isEmpty();
        assertThat(options.jobJar()).isEmpty();
        assertThat(options.parallelism()).isEqualTo(EgressJobOptions.DEFAULT_PARALLELISM);
        assertThat(options.attemptId()).startsWith("attempt-");
    }

    @Test
    void aLocalCatalogueLocationBecomesAnAbsoluteFileUri() {
        EgressJobOptions options = EgressJobOptions.parse(VALID[0], VALID[1], VALID[2], VALID[3],
                "--services-location=schemas/services");

        assertThat(options.servicesLocation())
                .isEqualTo(RunLayout.asDirectory(Path.of("schemas/services").toAbsolutePath().toUri()));
    }

    @Test
    void hdfsLandingKeepsItsAuthority() {
        EgressJobOptions options = EgressJobOptions.parse(VALID[0], VALID[1], VALID[2], VALID[4],
                "--landing=hdfs://namenode:8020/warehouse/landing");

        assertThat(options.runDirectory().toString())
                .isEqualTo("hdfs://namenode:8020/warehouse/landing/risk/run=r-2026-11-01-a1/");
    }

    @Test
    void theArgumentsParseBackIntoEqualOptions(@TempDir Path dir) throws IOException {
        Path jar = Files.createFile(dir.resolve("job-all.jar"));
        EgressJobOptions full = new EgressJobOptions("broker-1:9092,broker-2:9093", "pricing", "r20260101-20260107-1a2b3c4d5e",
                URI.create("hdfs://nn:8020/landing/"), URI.create("hdfs://nn:8020/catalogue"),
                Optional.of(EgressStoppingOffsets.parse("0:12,1:0,2:7")), Optional.of(dir.resolve("result.properties")), 4,
                "task-17", Map.of("security.protocol", "SASL_SSL", "sasl.jaas.config", "x required a=\"b c\";"),
                Optional.of(URI.create("https://jobmanager:8081")), Optional.of(jar));
        EgressJobOptions minimal = EgressJobOptions.parse(VALID);

        assertThat(EgressJobOptions.parse(full.toArguments())).isEqualTo(full);
        assertThat(EgressJobOptions.parse(minimal.toArguments())).isEqualTo(minimal);
    }

    @Test
    void refusesEveryMissingRequiredOptionAtOnce() {
        assertThatThrownBy(EgressJobOptions::parse)
                .isInstanceOfSatisfying(EgressJobOptionsException.class, e -> assertThat(e.problems()).containsExactly(
                        "--bootstrap-servers is required", "--service is required", "--run-key is required",
                        "--landing is required", "--services-location is required"))
                .hasMessageContaining("--services-location is required");
    }

    @Test
    void refusesATopicThatIsNotTheRunsEgressTopic() {
        assertThatThrownBy(() -> EgressJobOptions.parse(concat(VALID, "--topic=offstream.risk.other.egress")))
                .hasMessageContaining("is not the egress topic of service 'risk'");
        assertThat(EgressJobOptions.parse(concat(VALID, "--topic=offstream.risk.r-2026-11-01-a1.egress")).topic())
                .isEqualTo("offstream.risk.r-2026-11-01-a1.egress");
    }

    @Test
    void refusesBadValues() {
        assertThatThrownBy(() -> EgressJobOptions.parse("--bootstrap-servers=localhost", "--service=ri/sk",
                "--run-key=../x", "--landing=landing/relative", "--services-location=hdfs:relative", "--stopping-offsets=0:12,x",
                "--parallelism=0", "--result-file=", "--kafka.isolation.level=read_uncommitted", "--colour=blue",
                "--job-jar=/no/such.jar", "--flink-rest=ftp://x", "stray"))
                .isInstanceOfSatisfying(EgressJobOptionsException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "unexpected argument 'stray' (options are --name=value)",
                        "unknown option --colour",
                        "--kafka.isolation.level: the job sets Kafka's isolation.level itself",
                        "--bootstrap-servers: 'localhost' is not host:port",
                        "--service: 'ri/sk' must match [a-z][a-z0-9-]{0,39} (a topic and path segment)",
                        "--run-key: '../x' must match [a-z0-9][a-z0-9-]{0,63} (a topic and path segment)",
                        "--landing: 'landing/relative' is not an absolute URI with a scheme, e.g. file:///data/landing or hdfs://namenode:8020/landing",
                        "--services-location: 'hdfs:relative' is neither a local path nor an absolute URI, e.g. "
                                + "file:///opt/offstream/services or hdfs://namenode:8020/offstream/services",
                        "--stopping-offsets: 'x' is not partition:offset (expected e.g. 0:1234,1:998)",
                        "--result-file: '' is not a file name",
                        "--parallelism: 0 is not within 1..512",
                        "--job-jar: /no/such.jar is not a file",
                        "--flink-rest: 'ftp://x' is not http://host:port"));
    }

    @Test
    void refusesAnOptionGivenTwiceOrWithoutValue() {
        assertThatThrownBy(() -> EgressJobOptions.parse(concat(VALID, "--service=risk", "--parallelism")))
                .isInstanceOfSatisfying(EgressJobOptionsException.class, e -> assertThat(e.problems()).containsExactly(
                        "option --service is given twice", "option --parallelism has no value"));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
