package io.offstream.contract.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopPathsTests {

    @TempDir
    Path temp;

    @Test
    void aFolderWithASpaceIsTheFolderNotOneNamedWithPercentTwenty() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("my warehouse/dt=2026-03-01"));
        URI uri = folder.toUri();
        assertThat(uri.toString()).contains("my%20warehouse");

        org.apache.hadoop.fs.Path path = HadoopPaths.of(uri);
        FileSystem fs = path.getFileSystem(new Configuration());
        assertThat(fs.exists(path)).isTrue();
        assertThat(path.getName()).isEqualTo("dt=2026-03-01");
        assertThat(path.getParent().getName()).isEqualTo("my warehouse");
        // what Spark does with the text: it parses it back into the same folder
        assertThat(fs.exists(new org.apache.hadoop.fs.Path(HadoopPaths.text(uri)))).isTrue();
        // and what the text of the URI would have named instead
        assertThat(fs.exists(new org.apache.hadoop.fs.Path(uri.toString()))).isFalse();
    }
}
