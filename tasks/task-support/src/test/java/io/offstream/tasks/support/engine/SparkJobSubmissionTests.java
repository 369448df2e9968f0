package io.offstream.tasks.support.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.tasks.support.engine.SparkJobSubmission.Engine;
import io.offstream.tasks.support.engine.SparkJobSubmission.Settings;

class SparkJobSubmissionTests {

    @TempDir
    Path dir;

    @Test
    void aChildJvmRunsTheJarWithEngineLibJava17OpensAndLocalSpark() throws Exception {
        Path jar = job();
        EngineJob job = submission(Engine.CHILD_JVM, jar.toString(), Map.of("spark.sql.shuffle.partitions", "2"))
                .job("diff-r1", "x.Main", List.of("--a=b"), dir, Duration.ofMinutes(5));
        assertThat(job.appJar()).isEqualTo(jar);
        assertThat(job.dependencies()).containsExactly(dir.resolve("engine-lib/a.jar"), dir.resolve("engine-lib/b.jar"));
        assertThat(job.jvmOptions()).containsAll(SparkJavaOptions.JAVA_17).endsWith("-Xmx1g");
        assertThat(job.engineConf()).containsEntry("spark.master", "local[2]").containsEntry("spark.sql.shuffle.partitions", "2")
                .containsEntry("spark.sql.session.timeZone", "UTC").containsEntry("spark.ui.enabled", "false");
        assertThat(job.args()).containsExactly("--a=b");
        assertThat(submission(Engine.CHILD_JVM, jar.toString(), Map.of()).submitter()).isInstanceOf(ChildJvmSubmitter.class);
    }

    @Test
    void sparkSubmitShipsAppLibAndNeedsASparkHome() throws Exception {
        Path jar = job();
        SparkJobSubmission cluster = submission(Engine.SPARK_SUBMIT, jar.toString(), Map.of());
        EngineJob job = cluster.job("diff-r1", "x.Main", List.of(), dir, Duration.ZERO);
        assertThat(job.dependencies()).containsExactly(dir.resolve("app-lib/c.jar"));
        assertThat(job.jvmOptions()).containsExactly("-Xmx1g");
        assertThat(job.engineConf()).doesNotContainKey("spark.master");
        assertThatThrownBy(cluster::submitter).hasMessage("offstream.diff.engine=spark-submit needs offstream.diff.spark-home");
    }

    @Test
    void aMissingJarOrLibraryFolderNamesTheOptionToSet() throws Exception {
        assertThatThrownBy(() -> submission(Engine.CHILD_JVM, dir.resolve("none.jar").toString(), Map.of()).jobJar())
                .hasMessageContaining("offstream.diff.job-jar " + dir.resolve("none.jar") + " does not exist");
        Path lonely = Files.createDirectories(dir.resolve("lonely")).resolve("job.jar");
        Files.writeString(lonely, "jar");
        assertThatThrownBy(() -> submission(Engine.CHILD_JVM, lonely.toString(), Map.of()).job("j", "x.Main", List.of(), dir, null))
                .hasMessageContaining("set offstream.diff.job-lib");
        SparkJobSubmission nothingCarried = new SparkJobSubmission(settings(Engine.CHILD_JVM, null, Map.of()),
                new EmbeddedEngineFiles("no-such-job", dir.resolve("cache"), getClass().getClassLoader()), "offstream-no-such-job-");
        assertThatThrownBy(nothingCarried::jobJar).hasMessageContaining("set offstream.diff.job-jar and offstream.diff.job-lib");
    }

    private Path job() throws Exception {
        for (String lib : List.of("engine-lib/a.jar", "engine-lib/b.jar", "engine-lib/notes.txt", "app-lib/c.jar")) {
            Files.createDirectories(dir.resolve(lib).getParent());
            Files.writeString(dir.resolve(lib), "jar");
        }
        return Files.writeString(dir.resolve("job.jar"), "jar");
    }

    private SparkJobSubmission submission(Engine engine, String jar, Map<String, String> conf) {
        return new SparkJobSubmission(settings(engine, jar, conf), null, "job");
    }

    private static Settings settings(Engine engine, String jar, Map<String, String> conf) {
        return new Settings("offstream.diff", engine, "local[2]", null, jar, null, List.of("-Xmx1g"), true, conf);
    }
}
