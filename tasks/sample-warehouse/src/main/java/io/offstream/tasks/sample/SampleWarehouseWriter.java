package io.offstream.tasks.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a sample dataset ({@link SampleDataset}) through the Hadoop FileSystem API (file://, hdfs://, ...):
 * {@code <path>/dt=YYYY-MM-DD/part-NNNNN.parquet}, plus optional expectations under
 * {@code <path>/_expected/} (ignored by readers: names starting with '_' are not data).
 */
public class SampleWarehouseWriter {

    private static final Logger log = LoggerFactory.getLogger(SampleWarehouseWriter.class);

    private final Configuration hadoop;

    public SampleWarehouseWriter(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /** Writes every day and returns the summary (rows and bad rows per day). */
    public Map<String, Object> write(URI dataset, SampleProperties options) throws IOException {
        options.validate();
        Path root = new Path(dataset);
        FileSystem fs = root.getFileSystem(hadoop);
        if (fs.exists(root) && options.isOverwrite()) {
            fs.delete(root, true);
        }
        fs.mkdirs(root);
        List<Map<String, Object>> days = new ArrayList<>();
        long total = 0;
        List<String> acceptedKeys = new ArrayList<>();
        for (int d = 0; d < options.getDays(); d++) {
            LocalDate date = options.getStartDate().plusDays(d);
            boolean empty = options.emptyDays().contains(date);
            GeneratedDay day = options.getDataset().generate(options.getSeed(), date, empty ? 0 : options.getRowsPerDay(),
                    options.getBadRowFraction());
            List<String> accepted = day.acceptedKeys();
            Path dir = new Path(root, "dt=" + date);
            fs.mkdirs(dir);
            int files = empty ? 1 : options.getFilesPerDay();
            int rows = day.rows().size();
            for (int f = 0; f < files; f++) {
                int from = (int) ((long) rows * f / files);
                int to = (int) ((long) rows * (f + 1) / files);
                writeFile(new Path(dir, String.format("part-%05d.parquet", f)), options.getDataset(), day.rows().subList(from, to));
            }
            if (options.corruptDays().contains(date)) {
                try (OutputStream out = fs.create(new Path(dir, "part-99999-corrupt.parquet"), true)) {
                    out.write("this is not a Parquet file, it stands for a truncated upload\n".getBytes(StandardCharsets.UTF_8));
                }
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("date", date.toString());
            summary.put("rows", rows);
            summary.put("accepted", accepted.size());
            summary.put("bad", day.badCountsByKind());
            summary.put("corruptFile", options.corruptDays().contains(date));
            days.add(summary);
            total += rows;
            if (options.isWriteExpectations()) {
                acceptedKeys.addAll(accepted);
            }
            log.info("Wrote dt={}: {} rows in {} file(s), {} bad{}", date, rows, files, rows - accepted.size(),
                    options.corruptDays().contains(date) ? ", plus a corrupt file" : "");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("dataset", dataset.toString());
        result.put("seed", options.getSeed());
        result.put("rows", total);
        result.put("badKinds", options.getDataset().badKinds());
        result.put("days", days);
        if (options.isWriteExpectations()) {
            Path expected = new Path(root, "_expected");
            fs.mkdirs(expected);
            try (OutputStream out = fs.create(new Path(expected, "summary.json"), true)) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, result);
            }
            try (OutputStream out = fs.create(new Path(expected, "accepted-keys.txt"), true)) {
                out.write((String.join("\n", acceptedKeys) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    private void writeFile(Path path, SampleDataset dataset, List<GenericRecord> rows) throws IOException {
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(HadoopOutputFile.fromPath(path, hadoop))
                .withSchema(dataset.warehouseSchema())
                .withDataModel(dataset.dataModel())
                // lists as the standard 3-level LIST (list/element) that Spark and every engine read natively
                .config(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false")
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (GenericRecord row : rows) {
                writer.write(row);
            }
        }
    }
}
