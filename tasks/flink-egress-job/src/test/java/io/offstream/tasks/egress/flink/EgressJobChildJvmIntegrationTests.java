package io.offstream.tasks.egress.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.offstream.contract.jobs.EgressJobResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged fat jar, run the way offstream-egress runs it: {@code java <JVM options> -jar <jar> <args>}
 * in a child JVM with an embedded mini cluster. The jar and JVM options come from the build
 * (failsafe's {@code egress.fatJar} and {@code egress.jvmOptions}).
 */
class EgressJobChildJvmIntegrationTests extends EgressJobIntegrationTestSupport {

    static final Path FAT_JAR = Path.of(System.getProperty("egress.fatJar",
            "target/offstream-flink-egress-job-0.1.0-SNAPSHOT-all.jar"));

    @Test
    void theFatJarLandsARunInAChildJvm() throws Exception {
        String runKey = "child-jvm-run";
        try (EgressTopicFixture topic = riskTopic(runKey, 3, 3)) {
            List<EgressResult> decisions = RiskResults.decisions("child-", 1_000);
            topic.send(decisions, true);
            topic.send(decisions.subList(0, 100), true);
        }
        Path landing = landing().resolve("child");
        Path resultFile = workDirectory.resolve("child.properties");
        Path log = workDirectory.resolve("child.log");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("egress.jvmOptions", "").trim().split("\\s+")));
        command.add("-Xmx512m");
        command.addAll(List.of("-jar", FAT_JAR.toString()));
        command.addAll(List.of(args(runKey, landing, resultFile)));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        System.out.printf("EGRESS-CHILD-JVM exit %s after %d ms%n", finished ? process.exitValue() : "timeout",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        assertThat(finished).as("child JVM finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
        EgressJobResult result = EgressJobResult.readFrom(resultFile);
        assertThat(result.recordsRead()).isEqualTo(1_100);
        assertThat(result.duplicatesDropped()).isEqualTo(100);
        assertThat(result.landedTotal()).isEqualTo(1_000);
        assertThat(LandedParquet.read(runDirectory(landing, runKey))).hasSize(1_000);
    }

    @Test
    void theFatJarMergesServiceFilesAndCarriesNoSignatures() throws IOException {
        try (JarFile jar = new JarFile(FAT_JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(FlinkEgressJob.class.getName());
            assertThat(service(jar, "org.apache.flink.core.execution.PipelineExecutorFactory"))
                    .contains("org.apache.flink.client.deployment.executors.LocalExecutorFactory")
                    .contains("org.apache.flink.client.deployment.executors.RemoteExecutorFactory");
            assertThat(service(jar, "org.apache.hadoop.fs.FileSystem"))
                    .contains("org.apache.hadoop.hdfs.DistributedFileSystem");
            assertThat(jar.getEntry("org/apache/flink/runtime/fs/hdfs/HadoopFsFactory.class"))
                    .as("Flink's fallback for hdfs:// through the Hadoop client").isNotNull();
            assertThat(jar.stream().map(e -> e.getName()))
                    .noneMatch(name -> name.startsWith("META-INF/") && name.matches(".*\\.(SF|RSA|DSA|EC)"))
                    .noneMatch(name -> name.startsWith("org/springframework/"));
        }
    }

    private static String service(JarFile jar, String name) throws IOException {
        var entry = jar.getEntry("META-INF/services/" + name);
        assertThat(entry).as("META-INF/services/" + name).isNotNull();
        return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }
}
