package io.offstream.tasks.egress.flink;

import java.io.IOException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * The Parquet writer of landed rows: each result becomes its landing row ({@link LandingRows}) and is
 * written with parquet-avro over Avro's generic model without conversions, so raw Avro values are
 * written as their Parquet types with the logical types kept (DECIMAL on binary/fixed,
 * TIMESTAMP(MILLIS|MICROS), DATE, ENUM), as Spark SQL reads them; lists in the standard three-level
 * form (which also holds null elements); Snappy. Writes through Flink's stream, so no Hadoop file
 * system is involved.
 */
public final class LandingParquet implements BulkWriter.Factory<EgressRecord> {

    private static final long serialVersionUID = 1L;

    public static final CompressionCodecName COMPRESSION = CompressionCodecName.SNAPPY;

    private final ServiceSchemas schemas;
    private final ParquetWriterFactory<GenericRecord> parquet;

    public LandingParquet(ServiceSchemas schemas) {
        this.schemas = schemas;
        this.parquet = new ParquetWriterFactory<>(out -> writer(schemas, out));
    }

    static ParquetWriter<GenericRecord> writer(ServiceSchemas schemas, OutputFile out) throws IOException {
        PlainParquetConfiguration configuration = new PlainParquetConfiguration();
        configuration.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
        return AvroParquetWriter.<GenericRecord>builder(out)
                .withConf(configuration)
                .withSchema(schemas.landingRows().landingSchema())
                .withDataModel(new GenericData())
                .withCompressionCodec(COMPRESSION)
                .build();
    }

    @Override
    public BulkWriter<EgressRecord> create(FSDataOutputStream out) throws IOException {
        return new LandingRowWriter(schemas.landingRows(), parquet.create(out));
    }

    /** Writes each result's landing row to one part file. */
    private record LandingRowWriter(LandingRows rows, BulkWriter<GenericRecord> parquet) implements BulkWriter<EgressRecord> {

        @Override
        public void addElement(EgressRecord record) throws IOException {
            parquet.addElement(rows.row(record.key, record.value));
        }

        @Override
        public void flush() throws IOException {
            parquet.flush();
        }

        @Override
        public void finish() throws IOException {
            parquet.finish();
        }
    }
}
