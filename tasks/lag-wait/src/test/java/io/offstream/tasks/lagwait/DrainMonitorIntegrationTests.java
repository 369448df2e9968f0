package io.offstream.tasks.lagwait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.offstream.testsupport.kafka.KafkaBrokerExtension;
import io.offstream.testsupport.kafka.KafkaTopics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The drain judged on a real KRaft broker (the test JVM's shared one): commits advancing, stalling, and transaction markers. */
@ExtendWith(KafkaBrokerExtension.class)
class DrainMonitorIntegrationTests {

    private static final int PARTITIONS = 3;

    private final List<DrainProgress> reports = new ArrayList<>();

    private KafkaTopics kafka;

    @BeforeEach
    void useTheSharedBroker(KafkaTopics kafka) {
        this.kafka = kafka;
    }

    @Test
    void drainsOnceTheGroupHasCommittedEveryRecordedOffset() throws Exception {
        String topic = topicWith(300, false);
        Map<Integer, Long> end = kafka.endOffsets(topic);
        String group = "g-" + UUID.randomUUID();
        CompletableFuture<Void> consumer = CompletableFuture.runAsync(() -> commitInSteps(group, topic, end, 5));

        DrainProgress drained = monitor(Duration.ofSeconds(10)).await(group, topic, end);

        consumer.join();
        assertThat(drained.remaining()).isZero();
        assertThat(drained.total()).isEqualTo(300);
        assertThat(reports).anySatisfy(report -> assertThat(report.remaining()).isPositive());
    }

    @Test
    void withoutAQuietWindowADrainedRunEndsAtTheFirstLook() throws Exception {
        String topic = topicWith(90, false);
        Map<Integer, Long> end = kafka.endOffsets(topic);
        String group = "done-" + UUID.randomUUID();
        kafka.commit(group, topic, end);
        LagWaitProperties settings = new LagWaitProperties(null, Duration.ofSeconds(5), Duration.ZERO,
                Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofSeconds(15));
        DrainMonitor monitor = new DrainMonitor(committedOffsets(), settings, reports::add);

        long started = System.nanoTime();
        assertThat(monitor.await(group, topic, end).remaining()).isZero();
        // no sleep of the 5 s poll interval, let alone a quiet window
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void laterWritesToTheTopicAreNotWaitedFor() throws Exception {
        String topic = topicWith(90, false);
        Map<Integer, Long> end = kafka.endOffsets(topic);
        produce(topic, 60, false);
        String group = "g-" + UUID.randomUUID();
        kafka.commit(group, topic, end);

        assertThat(monitor(Duration.ofSeconds(10)).await(group, topic, end).remaining()).isZero();
    }

    @Test
    void stalledCommitsFailNamingTheGroupAndWhatRemains() {
        String topic = topicWith(90, false);
        Map<Integer, Long> end = kafka.endOffsets(topic);
        String group = "stuck-" + UUID.randomUUID();
        Map<Integer, Long> half = new HashMap<>();
        end.forEach((p, o) -> half.put(p, o / 2));
        kafka.commit(group, topic, half);

        assertThatThrownBy(() -> monitor(Duration.ofSeconds(2)).await(group, topic, end))
                .isInstanceOf(DrainFailedException.class)
                .hasMessageContaining(group).hasMessageContaining("records remaining").hasMessageContaining("consumer running");
    }

    @Test
    void trailingTransactionMarkersDoNotHoldTheDrain() throws Exception {
        String topic = topicWith(30, true);
        Map<Integer, Long> end = kafka.endOffsets(topic);
        String group = "tx-" + UUID.randomUUID();
        // A consumer that commits "last record + 1" stops one short of each commit marker (end - 1).
        Map<Integer, Long> pastLastRecord = new HashMap<>();
        end.forEach((p, o) -> pastLastRecord.put(p, o - 1));
        kafka.commit(group, topic, pastLastRecord);

        assertThat(monitor(Duration.ofSeconds(20)).await(group, topic, end).remaining()).isZero();
    }

    @Test
    void aGapOfOnlyACommitMarkerIsRecognised() throws Exception {
        String topic = topicWith(30, true);
        Map<Integer, Long> end = kafka.endOffsets(topic);
        KafkaCommittedOffsets offsets = committedOffsets();

        assertThat(offsets.onlyMarkersBetween(topic, 0, end.get(0) - 1, end.get(0))).as("end %s", end).isTrue();
        assertThat(offsets.onlyMarkersBetween(topic, 0, end.get(0) - 2, end.get(0))).isFalse();
    }

    private DrainMonitor monitor(Duration stallTimeout) {
        LagWaitProperties settings = new LagWaitProperties(null, Duration.ofMillis(200), Duration.ofMillis(600),
                stallTimeout, Duration.ofMinutes(2), Duration.ofMillis(300));
        return new DrainMonitor(committedOffsets(), settings, reports::add);
    }

    private KafkaCommittedOffsets committedOffsets() {
        return new KafkaCommittedOffsets(Map.of("bootstrap.servers", kafka.bootstrapServers()), Duration.ofSeconds(10));
    }

    private String topicWith(int records, boolean transactional) {
        String topic = kafka.create("offstream.risk." + UUID.randomUUID().toString().substring(0, 8) + ".ingress", PARTITIONS);
        produce(topic, records, transactional);
        if (transactional) {
            // Commit markers are written after commitTransaction() returns: one per partition after its records.
            Map<Integer, Long> stable = kafka.committedEndOffsets(topic);
            assertThat(stable.values()).as("commit markers written").containsOnly((long) records / PARTITIONS + 1);
        }
        return topic;
    }

    /** Round-robin over the partitions, in one committed transaction or plainly. */
    private void produce(String topic, int records, boolean transactional) {
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            batch.add(new ProducerRecord<>(topic, i % PARTITIONS, "k" + i, "v" + i));
        }
        if (transactional) {
            kafka.produceInTransaction(batch, new StringSerializer(), new StringSerializer());
        } else {
            kafka.produce(batch, new StringSerializer(), new StringSerializer());
        }
    }

    private void commitInSteps(String group, String topic, Map<Integer, Long> end, int steps) {
        try {
            for (int step = 1; step <= steps; step++) {
                Map<Integer, Long> at = new HashMap<>();
                int s = step;
                end.forEach((p, o) -> at.put(p, o * s / steps));
                kafka.commit(group, topic, at);
                Thread.sleep(400);
            }
        }
        catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
