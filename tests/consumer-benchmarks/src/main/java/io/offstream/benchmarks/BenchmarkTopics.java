package io.offstream.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import io.offstream.contract.naming.RunTopics;
import io.offstream.kafka.broker.TopicReadiness;
import io.offstream.risk.SampleTransactions;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.sample.Transaction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A stage's run topics, created and filled before the stage starts, as the plan and ingress phases
 * would: ingress and egress with the benchmark's partitions, a one-partition DLQ, and transaction
 * {@code 0..n-1} on ingress, keyed by its txn id. Every stage gets its own service name, so its own
 * topics and consumer group.
 */
final class BenchmarkTopics {

    static final String RUN_KEY = "bench";

    private final String bootstrap;

    private final int partitions;

    private final SpecificRecordCodec<Transaction> transactions;

    BenchmarkTopics(String bootstrap, int partitions, SpecificRecordCodec<Transaction> transactions) {
        this.bootstrap = bootstrap;
        this.partitions = partitions;
        this.transactions = transactions;
    }

    /** Creates the service's run topics and writes {@code records} transactions to its ingress topic. */
    RunTopics fill(String service, int records) throws InterruptedException, ExecutionException {
        return fill(service, RUN_KEY, records);
    }

    /** {@link #fill(String, int)} for another run of the service ({@code runKey} names its topics). */
    RunTopics fill(String service, String runKey, int records) throws InterruptedException, ExecutionException {
        RunTopics run = RunTopics.of(service, runKey);
        create(run);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int n = 0; n < records; n++) {
                Transaction t = SampleTransactions.transaction(n);
                producer.send(new ProducerRecord<>(run.ingress(), t.getTxnId().getBytes(StandardCharsets.UTF_8), transactions.encode(t)));
            }
            producer.flush();
        }
        return run;
    }

    private void create(RunTopics run) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(run.ingress(), partitions, (short) 1),
                    new NewTopic(run.egress(), partitions, (short) 1),
                    new NewTopic(run.dlq(), 1, (short) 1))).all().get();
            TopicReadiness.awaitServed(admin, run.all(), Duration.ofSeconds(30));
        }
    }
}
