package io.offstream.tasks.support.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedEngineFilesTests {

    @TempDir
    Path classpath;

    @TempDir
    Path cache;

    @Test
    void aPackedJobIsUnpackedOnceWithItsLayout() throws Exception {
        pack("job.jar", "job-v1");
        pack("engine-lib/dep-1.0.jar", "dep");
        try (URLClassLoader loader = loader()) {
            Path first = new EmbeddedEngineFiles("test-job", cache, loader).unpacked().orElseThrow();
            assertThat(first.resolve("job.jar")).hasContent("job-v1");
            assertThat(first.resolve("engine-lib/dep-1.0.jar")).hasContent("dep");
            assertThat(new EmbeddedEngineFiles("test-job", cache, loader).unpacked()).contains(first);
        }
    }

    @Test
    void aRebuiltJobGetsAFolderOfItsOwn() throws Exception {
        pack("job.jar", "job-v1");
        Path first;
        try (URLClassLoader loader = loader()) {
            first = new EmbeddedEngineFiles("test-job", cache, loader).unpacked().orElseThrow();
        }
        pack("job.jar", "job-v2");
        try (URLClassLoader loader = loader()) {
            Path second = new EmbeddedEngineFiles("test-job", cache, loader).unpacked().orElseThrow();
            assertThat(second).isNotEqualTo(first);
            assertThat(second.resolve("job.jar")).hasContent("job-v2");
        }
    }

    @Test
    void tasksUnpackingTheSameJobAtOnceAllGetTheOneCopy() throws Exception {
        pack("job.jar", "job-v1");
        pack("engine-lib/dep-1.0.jar", "dep");
        try (URLClassLoader loader = loader()) {
            for (int round = 0; round < 20; round++) {
                Path roundCache = cache.resolve("round-" + round);
                CyclicBarrier start = new CyclicBarrier(4);
                List<Callable<Path>> tasks = Collections.nCopies(4, () -> {
                    start.await();
                    return new EmbeddedEngineFiles("test-job", roundCache, loader).unpacked().orElseThrow();
                });
                ExecutorService pool = Executors.newFixedThreadPool(4);
                try {
                    List<Path> unpacked = new ArrayList<>();
                    for (Future<Path> result : pool.invokeAll(tasks)) {
                        unpacked.add(result.get());
                    }
                    assertThat(unpacked).containsOnly(unpacked.get(0));
                    assertThat(unpacked.get(0).resolve("engine-lib/dep-1.0.jar")).hasContent("dep");
                    try (Stream<Path> left = Files.list(roundCache)) {
                        assertThat(left).as("partial copies are removed").containsExactly(unpacked.get(0));
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }

    @Test
    void aNewCopyDeletesCopiesOfTheSameJobLongUnusedAndKeepsTheRest() throws Exception {
        FileTime longAgo = FileTime.from(Instant.now().minus(EmbeddedEngineFiles.KEEP_UNUSED).minusSeconds(60));
        Path stale = oldCopy("test-job-0123456789abcdef", longAgo);
        Path abandonedPartial = oldCopy("test-job-partial-42", longAgo);
        Path recent = oldCopy("test-job-fedcba9876543210", FileTime.from(Instant.now().minusSeconds(60)));
        Path otherJob = oldCopy("test-job-two-0123456789abcdef", longAgo);
        Path notACopy = oldCopy("test-job-notes", longAgo);
        pack("job.jar", "job-v3");
        try (URLClassLoader loader = loader()) {
            Path current = new EmbeddedEngineFiles("test-job", cache, loader).unpacked().orElseThrow();
            assertThat(current.resolve("job.jar")).hasContent("job-v3");
        }
        assertThat(stale).doesNotExist();
        assertThat(abandonedPartial).doesNotExist();
        assertThat(recent).as("maybe still run by a task of the older build").isDirectory();
        assertThat(otherJob).isDirectory();
        assertThat(notACopy).isDirectory();
    }

    @Test
    void usingACopyKeepsItFromBeingDeleted() throws Exception {
        pack("job.jar", "job-v1");
        try (URLClassLoader loader = loader()) {
            Path copy = new EmbeddedEngineFiles("test-job", cache, loader).unpacked().orElseThrow();
            Files.setLastModifiedTime(copy, FileTime.from(Instant.now().minus(EmbeddedEngineFiles.KEEP_UNUSED).minusSeconds(60)));
            new EmbeddedEngineFiles("test-job", cache, loader).unpacked().orElseThrow();
            assertThat(Files.getLastModifiedTime(copy).toInstant()).isAfter(Instant.now().minusSeconds(60));
        }
    }

    @Test
    void aTaskWithoutThePackedJobSaysSo() throws Exception {
        try (URLClassLoader loader = loader()) {
            assertThat(new EmbeddedEngineFiles("test-job", cache, loader).unpacked()).isEmpty();
        }
    }

    private Path oldCopy(String name, FileTime lastUse) throws Exception {
        Path dir = Files.createDirectories(cache.resolve(name));
        Files.writeString(dir.resolve("job.jar"), "old");
        Files.setLastModifiedTime(dir, lastUse);
        return dir;
    }

    private void pack(String relative, String content) throws Exception {
        Path file = classpath.resolve(EmbeddedEngineFiles.ROOT).resolve("test-job").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private URLClassLoader loader() throws Exception {
        return new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null);
    }
}
