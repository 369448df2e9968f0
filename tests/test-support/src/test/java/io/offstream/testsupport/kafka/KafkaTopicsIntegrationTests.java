package io.offstream.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.offstream.kafka.broker.KraftBroker;

@ExtendWith(KafkaBrokerExtension.class)
class KafkaTopicsIntegrationTests {

    @Test
    void recordsProducedToACreatedTopicAreReadBackWithTheirKeys(KafkaTopics kafka) {
        String topic = kafka.create(kafka.uniqueName("orders"), 3);
        Map<String, String> records = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            records.put("key-" + i, "value-" + i);
        }
        kafka.produce(topic, records);

        List<ConsumerRecord<String, String>> read = kafka.readStringsAtLeast(topic, records.size(), Duration.ofSeconds(30));

        assertThat(kafka.partitions(topic)).isEqualTo(3);
        assertThat(kafka.names()).contains(topic);
        assertThat(read).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(records.keySet());
        assertThat(read).allSatisfy(record -> assertThat(record.value()).isEqualTo(records.get(record.key())));
    }

    @Test
    void readingAtLeastNAlsoReturnsWhatElseIsThereSoADuplicateShows(KafkaTopics kafka) {
        String topic = kafka.create(kafka.uniqueName("dupes"), 1);
        kafka.produce(List.of(bytes(topic, "a"), bytes(topic, "b"), bytes(topic, "a")));

        assertThat(kafka.readAtLeast(topic, 2, Duration.ofSeconds(30))).hasSize(3);
    }

    @Test
    void readingToTheEndReturnsEveryRecordAndNothingForAnEmptyTopic(KafkaTopics kafka) {
        String topic = kafka.create(kafka.uniqueName("whole"), 2);
        String empty = kafka.create(kafka.uniqueName("empty"), 2);
        kafka.produce(topic, Map.of("a", "1", "b", "2", "c", "3"));

        assertThat(kafka.readToEnd(topic, Duration.ofSeconds(30))).extracting(record -> new String(record.key(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThat(kafka.readToEnd(empty, Duration.ofSeconds(30))).isEmpty();
    }

    @Test
    void tooFewRecordsFailNamingTheTopicTheExpectedAndTheSeenCounts(KafkaTopics kafka) {
        String topic = kafka.create(kafka.uniqueName("short"), 2);
        kafka.produce(topic, Map.of("only", "one"));

        assertThatThrownBy(() -> kafka.readAtLeast(topic, 2, Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Topic " + topic + ": expected at least 2 records within PT2S, saw 1");
    }

    @Test
    void endOffsetsCountEachPartitionsRecords(KafkaTopics kafka) {
        String topic = kafka.create(kafka.uniqueName("ends"), 2);
        kafka.produce(List.of(new ProducerRecord<>(topic, 0, null, utf8("x")), new ProducerRecord<>(topic, 0, null, utf8("y")),
                new ProducerRecord<>(topic, 1, null, utf8("z"))));

        assertThat(kafka.endOffsets(topic)).isEqualTo(Map.of(0, 2L, 1, 1L));
        assertThat(kafka.committedEndOffsets(topic)).isEqualTo(kafka.endOffsets(topic));
    }

    @Test
    void aTransactionsRecordsAreReadAndTheCommittedEndCountsItsMarker(KafkaTopics kafka) {
        String topic = kafka.create(kafka.uniqueName("tx"), 1);
        kafka.produceInTransaction(List.of(new ProducerRecord<>(topic, "a", "1"), new ProducerRecord<>(topic, "b", "2")),
                new StringSerializer(), new StringSerializer());

        // two records and the commit marker after them
        assertThat(kafka.committedEndOffsets(topic)).isEqualTo(Map.of(0, 3L));
        assertThat(kafka.readStringsAtLeast(topic, 2, Duration.ofSeconds(30))).extracting(ConsumerRecord::key).containsExactly("a", "b");
    }

    @Test
    void committedOffsetsAreTheGroupsAndOnlyForThatTopic(KafkaTopics kafka) {
        String topic = kafka.create(kafka.uniqueName("commits"), 2);
        String other = kafka.create(kafka.uniqueName("other"), 1);
        kafka.produce(List.of(new ProducerRecord<>(topic, 0, null, utf8("x")), new ProducerRecord<>(topic, 1, null, utf8("y")),
                new ProducerRecord<>(topic, 1, null, utf8("z"))));
        String group = kafka.uniqueName("group");

        kafka.commit(group, topic, Map.of(0, 1L, 1, 1L));
        kafka.commit(group, other, Map.of(0, 0L));

        assertThat(kafka.committedOffsets(group, topic)).isEqualTo(Map.of(0, 1L, 1, 1L));
        assertThat(kafka.uncommitted(group, topic)).isEqualTo(Map.of(0, 0L, 1, 1L));
        assertThat(kafka.committedOffsets(kafka.uniqueName("never"), topic)).isEmpty();
    }

    @Test
    void aTopicThatIsAlreadyThereIsNamedInTheFailure(KafkaTopics kafka) {
        String topic = kafka.create(kafka.uniqueName("twice"), 1);

        assertThatThrownBy(() -> kafka.create(topic, 1)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("create topics [" + topic + "]").hasMessageContaining("TopicExistsException");
    }

    @Test
    void theInjectedBrokerIsTheOneTheTopicsTalkTo(KraftBroker broker, KafkaTopics kafka) {
        assertThat(broker.isRunning()).isTrue();
        assertThat(kafka.bootstrapServers()).isEqualTo(broker.bootstrapServers());
    }

    private static ProducerRecord<byte[], byte[]> bytes(String topic, String key) {
        return new ProducerRecord<>(topic, utf8(key), utf8("v"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
