package io.offstream.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraftBrokerProduceConsumeTests {

    @TempDir
    Path dataDirectory;

    @Test
    void recordsWrittenToACreatedTopicAreReadBackByAConsumerGroup() throws Exception {
        try (KraftBroker broker = new KraftBroker(KraftBrokerSettings.builder(dataDirectory).freePorts().build()).start()) {
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + broker.port());
            assertThat(broker.port()).isNotEqualTo(broker.controllerPort()).isPositive();

            KafkaTestClients.createTopic(broker.bootstrapServers(), "orders", 3);
            Map<String, String> records = new LinkedHashMap<>();
            for (int i = 0; i < 20; i++) {
                records.put("key-" + i, "value-" + i);
            }
            KafkaTestClients.produce(broker.bootstrapServers(), "orders", records);

            List<ConsumerRecord<String, String>> received =
                    KafkaTestClients.consume(broker.bootstrapServers(), "orders", "orders-reader", records.size());

            assertThat(received).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(records.keySet());
            assertThat(received).allSatisfy(record -> assertThat(record.value()).isEqualTo(records.get(record.key())));
        }
    }

    @Test
    void aTopicIsCreatedOnFirstUseWithTheDefaultPartitionCount() throws Exception {
        KraftBrokerSettings settings = KraftBrokerSettings.builder(dataDirectory).freePorts().defaultPartitions(2).build();
        try (KraftBroker broker = new KraftBroker(settings).start()) {
            KafkaTestClients.produce(broker.bootstrapServers(), "auto-created", Map.of("k", "v"));

            assertThat(KafkaTestClients.topics(broker.bootstrapServers())).contains("auto-created");
            assertThat(KafkaTestClients.partitions(broker.bootstrapServers(), "auto-created")).isEqualTo(2);
        }
    }
}
