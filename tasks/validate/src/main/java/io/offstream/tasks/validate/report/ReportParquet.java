package io.offstream.tasks.validate.report;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
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

import io.offstream.tasks.validate.ParquetKeys;

/**
 * What the run report reads from Parquet, the way validation reads the landing ({@link ParquetKeys}):
 * through Hadoop's file systems, skipping {@code _} and {@code .} entries; the quarantine's reason
 * columns only (a projection, streamed, counted as they are read), and the landing's rows per
 * {@code dt=} folder from the files' footers (no data read).
 */
public class ReportParquet {

    static final String REASON_CODE = "reason_code";

    static final String REASON_FIELD = "reason_field";

    /** How many (reason, field) pairs are kept apart; beyond them rows count as {@link TopCounts#OTHER}. */
    static final int REASON_CAPACITY = 1000;

    private static final Schema REASONS = SchemaBuilder.record("quarantine_reason").fields()
            .optionalString(REASON_CODE).optionalString(REASON_FIELD).endRecord();

    private final Configuration hadoop;

    public ReportParquet(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /**
     * Rejected rows by {@code reason_code / reason_field} (the reason alone when the row names no field),
     * read from the quarantine's Parquet under {@code quarantine}; empty when that folder does not exist.
     */
    public Optional<TopCounts> rejectsUnder(URI quarantine) throws IOException {
        Path dir = new Path(quarantine);
        FileSystem fs = dir.getFileSystem(hadoop);
        if (!fs.exists(dir)) {
            return Optional.empty();
        }
        TopCounts counts = new TopCounts(REASON_CAPACITY);
        Configuration projected = new Configuration(hadoop);
        AvroReadSupport.setRequestedProjection(projected, REASONS);
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
        while (files.hasNext()) {
            Path file = files.next().getPath();
            if (ParquetKeys.hidden(dir, file) || !file.getName().endsWith(".parquet")) {
                continue;
            }
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(file, projected))
                    .withDataModel(new GenericData()).withConf(projected).build()) {
                for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                    counts.add(label(row.get(REASON_CODE), row.get(REASON_FIELD)), 1);
                }
            }
        }
        return Optional.of(counts);
    }

    /** Rows per landed day: the footers' row counts of the Parquet files under each {@code dt=} folder below {@code run}. */
    public Map<LocalDate, Long> rowsPerDay(URI run) throws IOException {
        Map<LocalDate, Long> rows = new TreeMap<>();
        Path dir = new Path(run);
        FileSystem fs = dir.getFileSystem(hadoop);
        if (!fs.exists(dir)) {
            return rows;
        }
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
        while (files.hasNext()) {
            Path file = files.next().getPath();
            LocalDate day = day(file);
            if (ParquetKeys.hidden(dir, file) || !file.getName().endsWith(".parquet") || day == null) {
                continue;
            }
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, hadoop))) {
                rows.merge(day, reader.getRecordCount(), Long::sum);
            }
        }
        return rows;
    }

    static String label(Object reason, Object field) {
        String code = reason == null ? "(no reason)" : reason.toString();
        return field == null || field.toString().isEmpty() ? code : code + " / " + field;
    }

    /** The date of the nearest {@code dt=} folder above a file; null when there is none. */
    private static LocalDate day(Path file) {
        for (Path p = file.getParent(); p != null; p = p.getParent()) {
            if (p.getName().startsWith("dt=")) {
                try {
                    return LocalDate.parse(p.getName().substring(3));
                }
                catch (DateTimeParseException notADay) {
                    return null;
                }
            }
        }
        return null;
    }
}
