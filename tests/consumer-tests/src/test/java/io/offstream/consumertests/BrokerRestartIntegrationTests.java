package io.offstream.consumertests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.offstream.contract.naming.RunHeaders;
import io.offstream.kafka.broker.KraftBroker;
import io.offstream.testsupport.kafka.KafkaTestBrokers;
import io.offstream.testsupport.kafka.KafkaTopics;
import io.offstream.risk.SampleTransactions;
import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.sample.Transaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault (h) of the fault matrix: the Kafka broker is stopped while the consumer works and started
 * again on the same ports and data. The consumer's results wait in its producer (within its delivery
 * timeout) instead of being dead-lettered as if the service had failed: afterwards every ingress
 * record has its result on egress and the DLQ is empty. The broker is this class's own, since it is
 * stopped (the shared one must keep running for the other classes).
 */
class BrokerRestartIntegrationTests extends ConsumerProcessTestSupport {

    private static final Logger log = LoggerFactory.getLogger(BrokerRestartIntegrationTests.class);

    private static final int COUNT = 4000;

    static KraftBroker broker;

    /** Runs after the base class's: the consumers started here use this broker. */
    @BeforeAll
    static void startOwnBroker() {
        broker = KafkaTestBrokers.start(workDir.resolve("kafka"));
        kafka = new KafkaTopics(broker.bootstrapServers());
    }

    @AfterAll
    static void stopOwnBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aBrokerRestartedWhileTheConsumerWorksDeadLettersNoGoodResult() throws Exception {
        SpecificRecordCodec<Transaction> codec = SpecificRecordCodec.of(Transaction.class, HistorySchemaStore.fromClasspath());
        BrokerRun run = new BrokerRun(kafka, "risk", "restart").create(4);
        List<String> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            keys.add("key-" + i);
            values.add(codec.encode(SampleTransactions.transaction(i, "key-" + i)));
        }
        run.produce(keys, values);

        try (App consumer = startConsumer("service-consumer-broker-restart", "--offstream.consumer.rate-limit=400")) {
            run.read(run.egress(), COUNT / 4, Duration.ofMinutes(2));
            int port = broker.port();
            int controllerPort = broker.controllerPort();
            broker.close();
            log.info("Broker stopped with {} results out; starting it again in 8 s", COUNT / 4);
            Thread.sleep(8_000);
            broker = new KraftBroker(broker.settings().toBuilder().port(port).controllerPort(controllerPort).build()).start();

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> run.uncommitted() == 0);
            Set<Integer> positions = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> result : run.readToEnd(run.egress(), Duration.ofSeconds(30))) {
                positions.add(Integer.parseInt(BrokerRun.header(result, RunHeaders.SOURCE_POSITION)));
            }
            assertThat(positions).as("every ingress record has its result").hasSize(COUNT);
            assertThat(run.readToEnd(run.dlq(), Duration.ofSeconds(30))).as("no good result dead-lettered").isEmpty();
            assertThat(consumer.process().isAlive()).isTrue();
        }
    }
}
