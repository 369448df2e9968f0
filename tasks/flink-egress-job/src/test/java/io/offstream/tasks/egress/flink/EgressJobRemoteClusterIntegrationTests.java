package io.offstream.tasks.egress.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.contract.jobs.EgressJobResult;
import java.net.URI;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.Test;

/**
 * {@code --flink-rest}: the job is submitted over a Flink cluster's REST API with the fat jar, runs
 * there, and this entry point still checks the counts and commits the landing. The "remote" cluster
 * is a Flink cluster with a REST endpoint started in this JVM; as this JVM already has the job's
 * libraries (kafka-clients, ...) on its class path, it resolves user classes parent-first, which a
 * real cluster (without them in lib/) does not need.
 */
class EgressJobRemoteClusterIntegrationTests extends EgressJobIntegrationTestSupport {

    @Test
    void submitsToARemoteClusterThroughItsRestApiAndCommitsTheLanding() throws Exception {
        String runKey = "remote-run";
        try (EgressTopicFixture topic = riskTopic(runKey, 2, 2)) {
            topic.send(RiskResults.decisions("remote-", 500), true);
            topic.send(RiskResults.decisions("remote-", 50), true);
        }
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.PORT, 0);
        configuration.set(CoreOptions.CLASSLOADER_RESOLVE_ORDER, "parent-first");
        try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration).setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build())) {
            cluster.start();
            URI rest = cluster.getRestAddress().get();
            Path landing = landing().resolve("remote");
            Path resultFile = workDirectory.resolve("remote.properties");

            int exit = FlinkEgressJob.run(args(runKey, landing, resultFile, "--flink-rest=http://" + rest.getHost()
                    + ":" + rest.getPort(), "--job-jar=" + EgressJobChildJvmIntegrationTests.FAT_JAR));

            EgressJobResult result = EgressJobResult.readFrom(resultFile);
            assertThat(exit).as(result.toText()).isZero();
            assertThat(result.recordsRead()).isEqualTo(550);
            assertThat(result.duplicatesDropped()).isEqualTo(50);
            assertThat(LandedParquet.read(runDirectory(landing, runKey))).hasSize(500);
        }
    }
}
