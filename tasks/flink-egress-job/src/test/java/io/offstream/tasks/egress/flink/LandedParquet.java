package io.offstream.tasks.egress.flink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;

/** Reads a landed run directory back with parquet-avro, as a downstream reader would. */
final class LandedParquet {

    record Row(String dtFolder, String file, GenericRecord record) {
    }

    private LandedParquet() {
    }

    static List<Path> files(Path runDirectory) throws IOException {
        try (Stream<Path> files = Files.walk(runDirectory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Every row in Avro's raw generic form (decimals as bytes/fixed, timestamps as longs). */
    static List<Row> read(Path runDirectory) throws IOException {
        return read(runDirectory, new GenericData());
    }

    /** Every row with logical types as Java values (BigDecimal, Instant, LocalDate), as Spark SQL shows them. */
    static List<Row> readTyped(Path runDirectory) throws IOException {
        GenericData typed = new GenericData();
        typed.addLogicalTypeConversion(new Conversions.DecimalConversion());
        typed.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        typed.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        typed.addLogicalTypeConversion(new TimeConversions.DateConversion());
        return read(runDirectory, typed);
    }

    /** The Parquet schema in a landed file's footer. */
    static MessageType parquetSchema(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getFooter().getFileMetaData().getSchema();
        }
    }

    private static List<Row> read(Path runDirectory, GenericData model) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Path file : files(runDirectory)) {
            try (ParquetReader<GenericRecord> reader = AvroParquetReader
                    .<GenericRecord>builder(new LocalInputFile(file), new PlainParquetConfiguration())
                    .withDataModel(model)
                    .build()) {
                for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                    rows.add(new Row(file.getParent().getFileName().toString(), file.getFileName().toString(), row));
                }
            }
        }
        return rows;
    }
}
