package io.offstream.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.kafka.broker.KraftBroker;

/**
 * scdf-deploy/kafka-broker's {@link KraftBroker} serving clients, tested here because this module
 * holds the clients helper (the broker module cannot depend on test-support, which depends on it).
 */
class KraftBrokerProduceConsumeIntegrationTests {

    @TempDir
    Path dataDirectory;

    @Test
    void recordsWrittenToACreatedTopicAreReadBackByAConsumerGroup() {
        try (KraftBroker broker = KafkaTestBrokers.start(dataDirectory)) {
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + broker.port());
            assertThat(broker.port()).isNotEqualTo(broker.controllerPort()).isPositive();
            KafkaTopics kafka = new KafkaTopics(broker.bootstrapServers());
            kafka.create("orders", 3);
            Map<String, String> records = new LinkedHashMap<>();
            for (int i = 0; i < 20; i++) {
                records.put("key-" + i, "value-" + i);
            }
            kafka.produce("orders", records);

            List<ConsumerRecord<String, String>> received = kafka.readStringsAtLeast("orders", records.size(), Duration.ofSeconds(30));

            assertThat(received).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(records.keySet());
            assertThat(received).allSatisfy(record -> assertThat(record.value()).isEqualTo(records.get(record.key())));
        }
    }

    @Test
    void aTopicIsCreatedOnFirstUseWithTheDefaultPartitionCount() {
        try (KraftBroker broker = new KraftBroker(KafkaTestBrokers.settings(dataDirectory).defaultPartitions(2).build()).start()) {
            KafkaTopics kafka = new KafkaTopics(broker.bootstrapServers());
            kafka.produce("auto-created", Map.of("k", "v"));

            assertThat(kafka.names()).contains("auto-created");
            assertThat(kafka.partitions("auto-created")).isEqualTo(2);
        }
    }
}
