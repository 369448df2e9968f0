package io.offstream.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraftBrokerRestartTests {

    @TempDir
    Path dataDirectory;

    @Test
    void aBrokerStartedAgainOnTheSameDataDirectoryKeepsItsClusterTopicsAndRecords() throws Exception {
        KraftBrokerSettings settings = KraftBrokerSettings.builder(dataDirectory).freePorts().build();
        Map<String, String> records = Map.of("a", "1", "b", "2", "c", "3");

        String clusterId;
        try (KraftBroker first = new KraftBroker(settings).start()) {
            clusterId = first.clusterId();
            KafkaTestClients.createTopic(first.bootstrapServers(), "kept", 2);
            KafkaTestClients.produce(first.bootstrapServers(), "kept", records);
        }

        try (KraftBroker second = new KraftBroker(settings).start()) {
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(KafkaTestClients.topics(second.bootstrapServers())).contains("kept");

            List<ConsumerRecord<String, String>> received =
                    KafkaTestClients.consume(second.bootstrapServers(), "kept", "after-restart", records.size());

            assertThat(received).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(records.keySet());
        }
    }

    @Test
    void aBrokerStartsOnceAndClosingItTwiceIsHarmless() {
        KraftBroker broker = new KraftBroker(KraftBrokerSettings.builder(dataDirectory).freePorts().build()).start();
        broker.close();
        broker.close();

        assertThat(broker.isRunning()).isFalse();
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(broker::start);
    }
}
