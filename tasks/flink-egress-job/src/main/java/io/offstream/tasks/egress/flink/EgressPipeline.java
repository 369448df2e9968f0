package io.offstream.tasks.egress.flink;

import io.offstream.contract.jobs.EgressJobOptions;
import io.offstream.contract.jobs.EgressStoppingOffsets;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;

/**
 * The dataflow of the job: bounded Kafka source (earliest to the stopping offsets, read_committed)
 * → count → one result per record key → count per day → Parquet FileSink bucketed by dt. Run it in
 * BATCH mode: the keyed reduce then emits only the final row of each key, and the FileSink commits
 * every part file when the input ends.
 */
public final class EgressPipeline {

    private EgressPipeline() {
    }

    public static void build(StreamExecutionEnvironment env, EgressJobOptions options, ServiceSchemas schemas,
                             EgressStoppingOffsets stoppingOffsets, URI stagingDirectory) {
        env.fromSource(kafkaSource(options, schemas, stoppingOffsets), WatermarkStrategy.noWatermarks(),
                        "egress topic " + options.topic())
                .uid("egress-source")
                .map(new CountRead()).name("count read").uid("count-read")
                .keyBy(record -> record.key)
                .reduce(new LowestOffsetWins()).name("one result per key").uid("dedupe")
                .map(new CountLanded()).name("count landed per day").uid("count-landed")
                .sinkTo(fileSink(options, schemas, stagingDirectory)).name("parquet landing").uid("landing");
    }

    static KafkaSource<EgressRecord> kafkaSource(EgressJobOptions options, ServiceSchemas schemas,
                                                 EgressStoppingOffsets stoppingOffsets) {
        Map<TopicPartition, Long> stopAt = new HashMap<>();
        stoppingOffsets.byPartition().forEach((p, o) -> stopAt.put(new TopicPartition(options.topic(), p), o));
        Properties properties = new Properties();
        properties.putAll(options.kafkaProperties());
        properties.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.setProperty("commit.offsets.on.checkpoint", "false");
        return KafkaSource.<EgressRecord>builder()
                .setBootstrapServers(options.bootstrapServers())
                .setTopics(options.topic())
                .setGroupId("offstream-egress-" + options.service() + "-" + options.runKey())
                .setClientIdPrefix("offstream-egress-" + options.runKey())
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.offsets(stopAt))
                .setDeserializer(new EgressRecordDeserializer(schemas))
                .setProperties(properties)
                .build();
    }

    static FileSink<EgressRecord> fileSink(EgressJobOptions options, ServiceSchemas schemas, URI stagingDirectory) {
        return FileSink.forBulkFormat(new Path(stagingDirectory), new LandingParquet(schemas))
                .withBucketAssigner(new DayBucketAssigner())
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix("part-" + options.attemptId())
                        .withPartSuffix(".snappy.parquet")
                        .build())
                .build();
    }
}
