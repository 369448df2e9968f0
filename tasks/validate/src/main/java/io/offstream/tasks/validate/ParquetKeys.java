package io.offstream.tasks.validate;

import java.io.IOException;
import java.net.URI;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

import io.offstream.tasks.validate.sort.KeySink;

/**
 * Reads Parquet through Hadoop's file systems (file://, hdfs://): the record key of every landed row
 * (only its key columns are read), and the row counts of pinned source files from their footers.
 */
public class ParquetKeys {

    private final Configuration hadoop;

    ParquetKeys(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /**
     * Puts every row's key in the Parquet files under {@code root} into {@code keys}, as it is read,
     * skipping {@code _} and {@code .} entries; none when {@code root} is absent.
     */
    void keysUnder(URI root, LandedKey key, KeySink keys) throws IOException {
        Path dir = new Path(root);
        FileSystem fs = dir.getFileSystem(hadoop);
        if (!fs.exists(dir)) {
            return;
        }
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
        Configuration projected = new Configuration(hadoop);
        AvroReadSupport.setRequestedProjection(projected, key.projection());
        while (files.hasNext()) {
            LocatedFileStatus file = files.next();
            if (hidden(dir, file.getPath()) || !file.getPath().getName().endsWith(".parquet")) {
                continue;
            }
            // Avro's generic model without conversions: a date key is its int of days, which RecordKeys writes as ISO text
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                    HadoopInputFile.fromPath(file.getPath(), projected)).withDataModel(new GenericData()).withConf(projected).build()) {
                for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                    keys.add(key.keyOf(row));
                }
            }
        }
    }

    /** The rows the footers of the Parquet files under {@code root} declare (skipping {@code _} and {@code .} entries); empty when it is absent. */
    java.util.OptionalLong rowsUnder(URI root) throws IOException {
        Path dir = new Path(root);
        FileSystem fs = dir.getFileSystem(hadoop);
        if (!fs.exists(dir)) {
            return java.util.OptionalLong.empty();
        }
        long rows = 0;
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
        while (files.hasNext()) {
            Path file = files.next().getPath();
            if (!hidden(dir, file) && file.getName().endsWith(".parquet")) {
                rows += rowCount(file.toUri());
            }
        }
        return java.util.OptionalLong.of(rows);
    }

    /** The row count a Parquet file's footer declares. */
    long rowCount(URI file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), hadoop))) {
            return reader.getRecordCount();
        }
    }

    /**
     * Whether a folder or file below {@code root} (not above it: the landing itself may sit under
     * a dot-folder such as {@code .offstream/}) starts with {@code _} or {@code .}.
     */
    public static boolean hidden(Path root, Path file) {
        String base = root.toUri().getPath();
        String path = file.toUri().getPath();
        String relative = path.startsWith(base) ? path.substring(base.length()) : file.getName();
        for (String segment : relative.split("/")) {
            if (segment.startsWith("_") || segment.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
