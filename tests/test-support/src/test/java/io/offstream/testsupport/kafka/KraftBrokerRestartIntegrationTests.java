package io.offstream.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.offstream.kafka.broker.KraftBroker;
import io.offstream.kafka.broker.KraftBrokerSettings;

/** {@link KraftBroker} restarted on its data directory; brokers of the test's own, since they are stopped. */
class KraftBrokerRestartIntegrationTests {

    @TempDir
    Path dataDirectory;

    @Test
    void aBrokerStartedAgainOnTheSameDataDirectoryKeepsItsClusterTopicsAndRecords() {
        KraftBrokerSettings settings = KafkaTestBrokers.settings(dataDirectory).build();
        Map<String, String> records = Map.of("a", "1", "b", "2", "c", "3");

        String clusterId;
        try (KraftBroker first = new KraftBroker(settings).start()) {
            clusterId = first.clusterId();
            KafkaTopics kafka = new KafkaTopics(first.bootstrapServers());
            kafka.create("kept", 2);
            kafka.produce("kept", records);
        }

        try (KraftBroker second = new KraftBroker(settings).start()) {
            KafkaTopics kafka = new KafkaTopics(second.bootstrapServers());
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(kafka.names()).contains("kept");

            assertThat(kafka.readStringsAtLeast("kept", records.size(), Duration.ofSeconds(30)))
                    .extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(records.keySet());
        }
    }

    @Test
    void aBrokerStartsOnceAndClosingItTwiceIsHarmless() {
        KraftBroker broker = KafkaTestBrokers.start(dataDirectory);
        broker.close();
        broker.close();

        assertThat(broker.isRunning()).isFalse();
        assertThatIllegalStateException().isThrownBy(broker::start);
    }
}
