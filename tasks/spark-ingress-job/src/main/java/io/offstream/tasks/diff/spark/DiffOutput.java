package io.offstream.tasks.diff.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import io.offstream.contract.layout.HadoopPaths;

/**
 * The diff's output folder, replaced whole: everything is written to a hidden sibling
 * ({@code .<name>.tmp-<uuid>/}, which readers skip), and {@link #publish()} then deletes the old folder
 * and renames the new one into its place. A reader never sees a half-written diff, and
 * {@code summary.json} is written last, so a folder with it is complete. A crash leaves the old output
 * (or none, in the moment between delete and rename) and a hidden sibling that the next run deletes.
 */
final class DiffOutput implements AutoCloseable {

    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private boolean published;

    private DiffOutput(FileSystem fs, Path target, Path staging) {
        this.fs = fs;
        this.target = target;
        this.staging = staging;
    }

    /** A fresh staging folder beside {@code output}, after deleting what earlier attempts left there. */
    static DiffOutput prepare(URI output, Configuration hadoop) throws IOException {
        Path target = HadoopPaths.of(output);
        FileSystem fs = target.getFileSystem(hadoop);
        Path parent = target.getParent();
        String leftOver = "." + target.getName() + ".tmp-";
        if (fs.exists(parent)) {
            for (FileStatus sibling : fs.listStatus(parent, p -> p.getName().startsWith(leftOver))) {
                fs.delete(sibling.getPath(), true);
            }
        }
        Path staging = new Path(parent, leftOver + UUID.randomUUID());
        fs.mkdirs(staging);
        return new DiffOutput(fs, target, staging);
    }

    /** A folder or file in the staging folder, for Spark to write to. */
    String staged(String relative) {
        return new Path(staging, relative).toString();
    }

    void writeText(String relative, String text) throws IOException {
        try (OutputStream out = fs.create(new Path(staging, relative), true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Replaces the output folder with the staging folder. */
    void publish() throws IOException {
        if (fs.exists(target) && !fs.delete(target, true)) {
            throw new IOException("Cannot delete the previous diff " + target);
        }
        fs.mkdirs(target.getParent());
        if (!fs.rename(staging, target)) {
            throw new IOException("Cannot rename " + staging + " to " + target);
        }
        published = true;
    }

    @Override
    public void close() throws IOException {
        if (!published) {
            fs.delete(staging, true);
        }
    }
}
