package io.offstream.contract.layout;

import java.net.URI;

import org.apache.hadoop.fs.Path;

/**
 * Hadoop paths of the run's URIs. Not {@code new Path(uri.toString())}: Hadoop reads that text
 * as an unescaped path, so a folder named {@code my data} (URI {@code my%20data}) would become one
 * named {@code my%20data}. The URI's decoded parts go in instead; a directory loses its trailing
 * slash, so {@link Path#getName()} is the folder's name.
 */
public final class HadoopPaths {

    private HadoopPaths() {
    }

    public static Path of(URI uri) {
        return new Path(uri.getScheme(), uri.getAuthority(), uri.getPath());
    }

    /** The path as Spark's and Hadoop's text APIs take it back ({@code spark.read().parquet(String)}). */
    public static String text(URI uri) {
        return of(uri).toString();
    }
}
