package io.offstream.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster mode's process definitions and configuration, as up --cluster and the tests start them. */
class EngineClustersTests {

    @TempDir
    Path root;

    private EngineClusters clusters(String bindAddress) {
        return new EngineClusters(ClusterLayout.of(root, root.resolve(".offstream")), ClusterPorts.fixed(), bindAddress, Path.of("/opt/java/bin/java"));
    }

    @Test
    void theProcessesStartInTheOrderDownStopsInReverseAndEachListensOnItsOwnPort() {
        List<ClusterProcess> processes = clusters("127.0.0.1").processes();

        assertThat(processes).extracting(ClusterProcess::name).containsExactlyElementsOf(EngineClusters.names())
                .containsExactly("hdfs-namenode", "hdfs-datanode", "spark-master", "spark-worker-1", "spark-worker-2", "flink-jobmanager",
                        "flink-taskmanager");
        assertThat(processes).extracting(ClusterProcess::port).doesNotHaveDuplicates()
                .containsExactly(19000, 19866, 17077, 18081, 18082, 18281, 16124);
        assertThat(processes).allSatisfy(p -> assertThat(String.join(" ", p.command())).contains(p.marker()));
    }

    @Test
    void theMastersStartTogetherAndWhatRegistersWithThemAfterThem() {
        EngineClusters clusters = clusters("127.0.0.1");

        List<List<ClusterProcess>> waves = clusters.startWaves();

        assertThat(waves).hasSize(2);
        assertThat(waves.get(0)).extracting(ClusterProcess::name).containsExactly("hdfs-namenode", "spark-master", "flink-jobmanager");
        assertThat(waves.get(1)).extracting(ClusterProcess::name)
                .containsExactly("hdfs-datanode", "spark-worker-1", "spark-worker-2", "flink-taskmanager");
    }

    @Test
    void everyDaemonListensOnTheBindAddressAndTheSparkOnesFindTheMasterThere() throws Exception {
        EngineClusters clusters = clusters("127.0.0.1");
        clusters.prepare();

        Path work = root.resolve(".offstream/clusters");
        String hdfsSite = Files.readString(work.resolve("hdfs/conf/hdfs-site.xml"));
        assertThat(hdfsSite).contains("<name>dfs.namenode.rpc-bind-host</name><value>127.0.0.1</value>",
                "<name>dfs.namenode.http-address</name><value>127.0.0.1:19870</value>",
                "<name>dfs.datanode.address</name><value>127.0.0.1:19866</value>");
        assertThat(Files.readString(work.resolve("hdfs/conf/core-site.xml"))).contains("<value>hdfs://localhost:19000</value>");
        assertThat(Files.readString(work.resolve("flink/conf/config.yaml"))).contains("rest.bind-address: \"127.0.0.1\"",
                "jobmanager.bind-host: \"127.0.0.1\"", "taskmanager.bind-host: \"127.0.0.1\"", "rest.port: \"18281\"");
        ClusterProcess worker = clusters.processes().get(3);
        assertThat(worker.command()).containsSequence("--host", "127.0.0.1").endsWith("spark://127.0.0.1:17077");
        assertThat(worker.environment()).containsEntry("SPARK_LOCAL_IP", "127.0.0.1").containsEntry("JAVA_HOME", "/opt/java");
    }

    @Test
    void openedToTheNetworkTheClientsStillMeetTheMasterOnLoopback() {
        EngineClusters clusters = clusters("0.0.0.0");

        assertThat(clusters.sparkMaster()).isEqualTo("spark://localhost:17077");
        assertThat(clusters.taskProperties()).containsEntry("offstream.ingress.spark-conf.spark.driver.bindAddress", "0.0.0.0")
                .containsEntry("offstream.ingress.spark-conf.spark.driver.host", "localhost");
    }

    @Test
    void thePhasesAreSentToTheClustersAndLandOnHdfs() {
        EngineClusters clusters = clusters("127.0.0.1");

        Map<String, String> properties = clusters.taskProperties();
        for (String spark : List.of("offstream.ingress", "offstream.diff")) {
            assertThat(properties).containsEntry(spark + ".engine", "spark-submit").containsEntry(spark + ".master", "spark://127.0.0.1:17077")
                    .containsEntry(spark + ".spark-home", root.resolve("scdf-deploy/clusters/spark-home/target/spark-home").toString());
        }
        assertThat(properties).containsEntry("offstream.egress.flink-rest", "http://localhost:18281");
        assertThat(clusters.landing()).hasToString("hdfs://localhost:19000/offstream/landing");
        assertThat(clusters.webHdfs()).hasToString("http://localhost:19870/webhdfs/v1");
    }

    @Test
    void aProcessIsReadyOnlyWhenItsEngineSaysSo() {
        List<ClusterProcess> processes = clusters("127.0.0.1").processes();
        ClusterProcess dataNode = processes.get(1);
        ClusterProcess master = processes.get(2);
        ClusterProcess taskManager = processes.get(6);

        assertThat(dataNode.ready("{\"beans\":[{\"FSState\" : \"Operational\", \"NumLiveDataNodes\" : 1}]}")).isTrue();
        assertThat(dataNode.ready("{\"beans\":[{\"FSState\" : \"safeMode\", \"NumLiveDataNodes\" : 1}]}")).isFalse();
        assertThat(dataNode.ready("{\"beans\":[{\"NumLiveDataNodes\" : 0, \"FSState\" : \"Operational\"}]}")).isFalse();
        assertThat(master.ready("{\"url\":\"spark://127.0.0.1:17077\",\"status\" : \"ALIVE\"}")).isTrue();
        assertThat(master.ready("{\"status\" : \"STANDBY\"}")).isFalse();
        assertThat(taskManager.ready("{\"taskmanagers\":1,\"slots-total\":2}")).isTrue();
        assertThat(taskManager.ready("{\"taskmanagers\":0,\"slots-total\":0}")).isFalse();
    }

    @Test
    void theSparkScriptsAreMadeRunnable() throws Exception {
        Path bin = root.resolve("scdf-deploy/clusters/spark-home/target/spark-home/bin");
        Files.createDirectories(bin);
        Files.writeString(bin.resolve("spark-submit"), "#!/usr/bin/env bash\n");

        clusters("127.0.0.1").prepare();

        assertThat(Files.getPosixFilePermissions(bin.resolve("spark-submit"))).contains(PosixFilePermission.OWNER_EXECUTE);
    }
}
