package io.offstream.tasks.egress.flink;

import io.offstream.schemas.sample.RiskDecision;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The Parquet writer of landed rows: the current RiskDecision schema, the generated class's own
 * data model (so {@code event_time} is written from its {@code Instant} as timestamp-millis),
 * Snappy. Writes through Flink's stream, so no Hadoop file system is involved.
 */
public final class RiskDecisionParquet {

    public static final CompressionCodecName COMPRESSION = CompressionCodecName.SNAPPY;

    private RiskDecisionParquet() {
    }

    public static ParquetWriterFactory<RiskDecision> writerFactory() {
        return new ParquetWriterFactory<>(out -> AvroParquetWriter.<RiskDecision>builder(out)
                .withConf(new PlainParquetConfiguration())
                .withSchema(RiskDecision.getClassSchema())
                .withDataModel(new RiskDecision().getSpecificData())
                .withCompressionCodec(COMPRESSION)
                .build());
    }
}
