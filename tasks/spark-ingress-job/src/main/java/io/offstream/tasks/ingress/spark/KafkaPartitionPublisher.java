package io.offstream.tasks.ingress.spark;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

import io.offstream.contract.jobs.IngressJobOptions;
import io.offstream.contract.naming.RunHeaders;

/**
 * Publishes one Spark partition of accepted rows ({@code _key, _value, _source_file, _source_row})
 * to the ingress topic: key = the record key text (UTF-8), value = the single-object-encoded
 * request, headers = {@link RunHeaders} run key, partition date, source position. acks=all and
 * idempotence are forced; a send that fails fails the task.
 */
final class KafkaPartitionPublisher implements ForeachPartitionFunction<Row> {

    private static final long serialVersionUID = 1L;
    private static final AtomicLong SENT_IN_THIS_JVM = new AtomicLong();
    private static final long LOG_EVERY = 50_000;

    private final IngressJobOptions options;
    private final LongAccumulator published;

    KafkaPartitionPublisher(IngressJobOptions options, LongAccumulator published) {
        this.options = options;
        this.published = published;
    }

    static Properties producerProperties(IngressJobOptions options) {
        Properties props = new Properties();
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putAll(options.producer());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    @Override
    public void call(Iterator<Row> rows) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong acked = new AtomicLong();
        byte[] runKey = options.runKey().getBytes(StandardCharsets.UTF_8);
        byte[] date = options.partitionDate().toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        long sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(options))) {
            while (rows.hasNext() && failure.get() == null) {
                Row row = rows.next();
                RecordHeaders headers = new RecordHeaders();
                headers.add(RunHeaders.RUN_KEY, runKey);
                headers.add(RunHeaders.PARTITION_DATE, date);
                headers.add(RunHeaders.SOURCE_POSITION,
                        (row.getString(2) + "#" + row.getLong(3)).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(options.topic(), null, null,
                        row.getString(0).getBytes(StandardCharsets.UTF_8), (byte[]) row.get(1), headers),
                        (metadata, exception) -> {
                            if (exception != null) {
                                failure.compareAndSet(null, exception);
                            } else {
                                acked.incrementAndGet();
                            }
                        });
                sent++;
                if (sent % LOG_EVERY == 0) {
                    double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
                    System.out.printf("[offstream] partition dt=%s: %,d records sent by this task (%,.0f rows/s)%n",
                            options.partitionDate(), sent, sent / seconds);
                }
                if (options.haltAfterRows() > 0 && SENT_IN_THIS_JVM.incrementAndGet() >= options.haltAfterRows()) {
                    producer.flush();
                    System.out.println("[offstream] fault injection: halting after " + options.haltAfterRows() + " records");
                    System.out.flush();
                    Runtime.getRuntime().halt(137);
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Publishing to " + options.topic() + " failed: " + failure.get().getMessage(), failure.get());
        }
        published.add(acked.get());
    }
}
