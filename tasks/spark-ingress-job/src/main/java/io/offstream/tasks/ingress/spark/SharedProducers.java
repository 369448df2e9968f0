package io.offstream.tasks.ingress.spark;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One Kafka producer per JVM and producer settings, shared by every Spark task the JVM runs, as
 * Spark's own Kafka sink does: a producer is thread-safe, and making one per task (metadata,
 * producer id, an empty batch pipeline) for every Spark partition of every dt= partition costs
 * more than a small partition's sends. Static because a Spark executor has no other place that
 * outlives a task; {@link #closeAll} (the driver, or JVM exit) sends what is left.
 */
final class SharedProducers {

    private static final Map<Map<String, String>, KafkaProducer<byte[], byte[]>> PRODUCERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedProducers::closeAll, "offstream-producers-close"));
    }

    private SharedProducers() {
    }

    static KafkaProducer<byte[], byte[]> of(Map<String, String> settings) {
        return PRODUCERS.computeIfAbsent(Map.copyOf(settings), s -> new KafkaProducer<>(properties(s)));
    }

    static void closeAll() {
        PRODUCERS.values().forEach(KafkaProducer::close);
        PRODUCERS.clear();
    }

    /** Batching and compression by default (the settings may override them); acks=all and idempotence always. */
    static Properties properties(Map<String, String> settings) {
        Properties props = new Properties();
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putAll(settings);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }
}
