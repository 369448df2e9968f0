package io.offstream.tasks.support.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

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
    void aTaskWithoutThePackedJobSaysSo() throws Exception {
        try (URLClassLoader loader = loader()) {
            assertThat(new EmbeddedEngineFiles("test-job", cache, loader).unpacked()).isEmpty();
        }
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
