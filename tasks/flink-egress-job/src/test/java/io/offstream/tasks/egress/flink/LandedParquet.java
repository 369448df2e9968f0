package io.offstream.tasks.egress.flink;

import io.offstream.schemas.sample.RiskDecision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/** Reads a landed run directory back with parquet-avro, as a downstream reader would. */
final class LandedParquet {

    record Row(String dtFolder, String file, RiskDecision decision) {
    }

    private LandedParquet() {
    }

    static List<Path> files(Path runDirectory) throws IOException {
        try (Stream<Path> files = Files.walk(runDirectory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static List<Row> read(Path runDirectory) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Path file : files(runDirectory)) {
            try (ParquetReader<RiskDecision> reader = AvroParquetReader
                    .<RiskDecision>builder(new LocalInputFile(file), new PlainParquetConfiguration())
                    .withDataModel(new RiskDecision().getSpecificData())
                    .build()) {
                for (RiskDecision row = reader.read(); row != null; row = reader.read()) {
                    rows.add(new Row(file.getParent().getFileName().toString(), file.getFileName().toString(), row));
                }
            }
        }
        return rows;
    }
}
