package io.offstream.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.offstream.contract.naming.RunTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The least a consumer that writes results can do, as the ceiling for the others: poll, send every
 * record on unchanged (no decoding, no service), wait for the acks, commit; one thread. Its rate is
 * what this broker and machine allow, whatever the consumer. Given a {@link ServiceCall}, it also
 * decodes, calls and encodes each record, on the one thread: the floor of the app's per-record work.
 */
final class RawPipe {

    private final String bootstrap;

    private final Duration timeout;

    RawPipe(String bootstrap, Duration timeout) {
        this.bootstrap = bootstrap;
        this.timeout = timeout;
    }

    StageResult run(String stage, RunTopics run, int records, int maxPollRecords) throws InterruptedException {
        return run(stage, run, records, maxPollRecords, null);
    }

    /**
     * With {@code call}, each record is decoded, given to the service and its result encoded on the
     * polling thread before it is sent (with the ingress headers): the app's own per-record work,
     * with nothing of its pipeline or of Spring around it.
     */
    StageResult run(String stage, RunTopics run, int records, int maxPollRecords, ServiceCall call) throws InterruptedException {
        Properties c = KafkaClients.consumerProperties(bootstrap, "raw-pipe-" + maxPollRecords);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        StageClock clock = new StageClock(records);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(c);
             KafkaProducer<byte[], byte[]> producer = KafkaClients.resultProducer(bootstrap)) {
            consumer.subscribe(List.of(run.ingress()));
            while (!clock.isFinished() && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
                if (batch.isEmpty()) {
                    continue;
                }
                clock.started();
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    if (call == null) {
                        producer.send(new ProducerRecord<>(run.egress(), null, null, record.key(), record.value(), record.headers()));
                    }
                    else {
                        ProducerRecord<byte[], byte[]> result = call.call(record.value(), run.egress());
                        producer.send(new ProducerRecord<>(run.egress(), null, null, result.key(), result.value(), record.headers()));
                    }
                }
                // results acknowledged before their offsets are committed: at-least-once, like the others
                producer.flush();
                consumer.commitSync();
                clock.completed(batch.count());
            }
        }
        StageResult result = clock.result(stage);
        System.out.println(result.summary());
        return result;
    }
}
