package io.offstream.tasks.egress.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.contract.jobs.EgressJobOptions;

/** Fault (e) of the fault matrix: a crash between the committer's two renames never loses the previous landing. */
class RunDirectoryCommitterTests {

    @TempDir
    Path landing;

    @Test
    void aCrashBetweenTheRenamesLeavesThePreviousLandingForTheNextAttemptToRestore() throws Exception {
        Path run = Path.of(options("a1").runDirectory());
        Files.createDirectories(run.resolve("dt=2026-01-01"));
        Files.writeString(run.resolve("dt=2026-01-01/part-0.parquet"), "previous landing");

        RunDirectoryCommitter crashing = new RunDirectoryCommitter(options("a2"), () -> {
            throw new IllegalStateException("crash between the renames");
        });
        stage(URI.create(crashing.prepare().toString()), "second attempt");
        assertThatThrownBy(crashing::commit).hasMessage("crash between the renames");
        assertThat(run).as("moved aside, nothing in its place").doesNotExist();

        // the next attempt restores it before clearing staging, then replaces it as usual
        RunDirectoryCommitter next = new RunDirectoryCommitter(options("a3"));
        URI staging = next.prepare();
        assertThat(run.resolve("dt=2026-01-01/part-0.parquet")).hasContent("previous landing");
        stage(staging, "third attempt");
        next.commit();
        assertThat(run.resolve("dt=2026-01-01/part-0.parquet")).hasContent("third attempt");
        assertThat(Path.of(next.prepare())).isEmptyDirectory();
    }

    @Test
    void aFailedAttemptLeavesThePreviousLandingAsItWas() throws Exception {
        Path run = Path.of(options("a1").runDirectory());
        Files.createDirectories(run.resolve("dt=2026-01-01"));
        Files.writeString(run.resolve("dt=2026-01-01/part-0.parquet"), "previous landing");

        RunDirectoryCommitter failing = new RunDirectoryCommitter(options("a2"));
        URI staging = failing.prepare();
        Files.createDirectories(Path.of(staging).resolve("dt=2026-01-01"));
        Files.writeString(Path.of(staging).resolve("dt=2026-01-01/.part-0.inprogress"), "half written");
        assertThatThrownBy(failing::commit).hasMessageContaining("uncommitted part file");
        failing.discardAttempt();

        assertThat(run.resolve("dt=2026-01-01/part-0.parquet")).hasContent("previous landing");
    }

    private static void stage(URI staging, String content) throws Exception {
        Path day = Files.createDirectories(Path.of(staging).resolve("dt=2026-01-01"));
        Files.writeString(day.resolve("part-0.parquet"), content);
    }

    private EgressJobOptions options(String attempt) {
        return EgressJobOptions.parse("--bootstrap-servers=localhost:9092", "--service=risk", "--run-key=r1",
                "--landing=" + landing.toUri(), "--services-location=" + landing.toUri(), "--attempt-id=" + attempt);
    }
}
