package io.offstream.tasks.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The Flink job's parallelism follows the run's topic unless it is set; where the job runs. */
class EgressPropertiesTests {

    private static EgressProperties settings(int parallelism, String flinkRest) {
        return new EgressProperties(null, List.of(), parallelism, flinkRest, Duration.ZERO, true, null, true);
    }

    @Test
    void byDefaultOneSubtaskPerTopicPartitionAndAtMostOnePerCoreInTheMiniCluster() {
        assertThat(settings(0, null).parallelismFor(3, 2)).isEqualTo(2);
        assertThat(settings(0, "").parallelismFor(1, 8)).isEqualTo(1);
        assertThat(settings(0, "http://flink:8081").parallelismFor(12, 2)).isEqualTo(12);
    }

    @Test
    void emptyOrEmbeddedMeansTheMiniClusterAndAUrlARemoteCluster() {
        assertThat(settings(0, null).remoteCluster()).isEmpty();
        assertThat(settings(0, " ").remoteCluster()).isEmpty();
        // what run-demo.sh passes so that a cluster run's URL, which SCDF keeps for the next launch, is overridden
        assertThat(settings(0, "embedded").remoteCluster()).isEmpty();
        assertThat(settings(0, "embedded").parallelismFor(3, 2)).isEqualTo(2);
        assertThat(settings(0, "http://flink:8081").remoteCluster()).contains(URI.create("http://flink:8081"));
    }

    @Test
    void aSetParallelismIsKept() {
        assertThat(settings(5, null).parallelismFor(3, 2)).isEqualTo(5);
    }
}
