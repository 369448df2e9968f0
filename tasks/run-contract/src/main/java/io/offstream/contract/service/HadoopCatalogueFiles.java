package io.offstream.contract.service;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** A catalogue on any Hadoop file system (hdfs://, s3a://, file://); needs Hadoop on the classpath. */
public final class HadoopCatalogueFiles implements CatalogueFiles {

    private final Configuration hadoop;

    public HadoopCatalogueFiles(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    @Override
    public List<String> list(URI directory) {
        Path dir = new Path(directory);
        try {
            FileSystem fs = dir.getFileSystem(hadoop);
            if (!fs.exists(dir)) {
                return List.of();
            }
            return Arrays.stream(fs.listStatus(dir)).map(FileStatus::getPath).map(Path::getName).sorted().toList();
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    @Override
    public boolean isDirectory(URI uri) {
        Path path = new Path(uri);
        try {
            return path.getFileSystem(hadoop).getFileStatus(path).isDirectory();
        } catch (FileNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + uri, e);
        }
    }

    @Override
    public Optional<String> read(URI file) {
        Path path = new Path(file);
        try (InputStream in = path.getFileSystem(hadoop).open(path)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
