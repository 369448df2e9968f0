package io.offstream.tests.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.offstream.testsupport.kafka.KafkaTopics;
import io.offstream.testsupport.platform.LocalPlatform;
import io.offstream.testsupport.platform.LocalPlatformExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The repo's KRaft broker, as the local platform's process, carrying records from a producer to a reader. */
@ExtendWith(LocalPlatformExtension.class)
class KafkaBrokerIntegrationTests {

    private static final int RECORDS = 5_000;

    @Test
    void everyProducedRecordIsConsumedOnce(LocalPlatform platform) {
        KafkaTopics kafka = new KafkaTopics(platform.kafka().bootstrapServers());
        String topic = kafka.create(kafka.uniqueName("it"), 3);
        Map<String, String> records = new LinkedHashMap<>();
        for (int i = 0; i < RECORDS; i++) {
            records.put("key-" + i, "value-" + i);
        }

        kafka.produce(topic, records);
        List<ConsumerRecord<String, String>> read = kafka.readStringsAtLeast(topic, RECORDS, Duration.ofSeconds(60));

        // readStringsAtLeast also returns what else is on the topic: a duplicate would make more than RECORDS
        assertThat(read).hasSize(RECORDS);
        assertThat(read).allSatisfy(record -> assertThat(record.value()).isEqualTo(records.get(record.key())));
        assertThat(read).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
    }
}
