package io.offstream.tasks.egress.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EgressJobOptionsTests {

    private static final String[] VALID = {
            "--bootstrap-servers=localhost:9092", "--service=risk", "--run-key=r-2026-11-01.a1",
            "--landing=file:///tmp/landing/"};

    @Test
    void parsesTheOptionsAndDerivesTheTopicAndFolders() {
        EgressJobOptions options = EgressJobOptions.parse(concat(VALID, "--stopping-offsets", "0:1234, 1:998",
                "--result-file=/tmp/r.json", "--parallelism=3", "--attempt-id=a7", "--kafka.security.protocol=PLAINTEXT"));

        assertThat(options.topic()).isEqualTo("offstream.risk.r-2026-11-01.a1.egress");
        assertThat(options.landing()).isEqualTo(URI.create("file:///tmp/landing"));
        assertThat(options.runDirectory()).isEqualTo(URI.create("file:///tmp/landing/risk/run=r-2026-11-01.a1"));
        assertThat(options.stagingDirectory())
                .isEqualTo(URI.create("file:///tmp/landing/risk/_staging/run=r-2026-11-01.a1/a7"));
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
        assertThat(options.parallelism()).isEqualTo(EgressJobOptions.DEFAULT_PARALLELISM);
        assertThat(options.attemptId()).startsWith("attempt-");
    }

    @Test
    void hdfsLandingKeepsItsAuthority() {
        EgressJobOptions options = EgressJobOptions.parse(VALID[0], VALID[1], VALID[2],
                "--landing=hdfs://namenode:8020/warehouse/landing");

        assertThat(options.runDirectory().toString())
                .isEqualTo("hdfs://namenode:8020/warehouse/landing/risk/run=r-2026-11-01.a1");
    }

    @Test
    void refusesEveryMissingRequiredOptionAtOnce() {
        assertThatThrownBy(EgressJobOptions::parse)
                .isInstanceOfSatisfying(InvalidOptionsException.class, e -> assertThat(e.problems()).containsExactly(
                        "--bootstrap-servers is required", "--service is required", "--run-key is required",
                        "--landing is required"));
    }

    @Test
    void refusesATopicThatIsNotTheRunsEgressTopic() {
        assertThatThrownBy(() -> EgressJobOptions.parse(concat(VALID, "--topic=offstream.risk.other.egress")))
                .hasMessageContaining("is not the egress topic of service 'risk'");
    }

    @Test
    void refusesBadValues() {
        assertThatThrownBy(() -> EgressJobOptions.parse("--bootstrap-servers=localhost", "--service=ri/sk",
                "--run-key=../x", "--landing=landing/relative", "--stopping-offsets=0:12,x", "--parallelism=0",
                "--result-file=", "--kafka.isolation.level=read_uncommitted", "--colour=blue", "stray"))
                .isInstanceOfSatisfying(InvalidOptionsException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "unexpected argument 'stray' (options are --name=value)",
                        "unknown option --colour",
                        "--kafka.isolation.level: the job sets Kafka's isolation.level itself",
                        "--bootstrap-servers: 'localhost' is not host:port",
                        "--service: 'ri/sk' must be letters, digits, '-' or '_' (a topic and path segment)",
                        "--run-key: '../x' must be letters, digits, '.', '-' or '_' (a topic and path segment)",
                        "--landing: 'landing/relative' is not an absolute URI with a scheme, e.g. file:///data/landing or hdfs://namenode:8020/landing",
                        "--stopping-offsets: 'x' is not partition:offset (expected e.g. 0:1234,1:998)",
                        "--result-file: '' is not a file name",
                        "--parallelism: 0 is not within 1..512"));
    }

    @Test
    void refusesAnOptionGivenTwiceOrWithoutValue() {
        assertThatThrownBy(() -> EgressJobOptions.parse(concat(VALID, "--service=risk", "--parallelism")))
                .isInstanceOfSatisfying(InvalidOptionsException.class, e -> assertThat(e.problems()).containsExactly(
                        "option --service is given twice", "option --parallelism has no value"));
    }

    @Test
    void badOptionsExitWithTwoBeforeTouchingAnything() {
        assertThat(FlinkEgressJob.run("--service=risk")).isEqualTo(FlinkEgressJob.EXIT_BAD_OPTIONS);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
