package io.offstream.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.offstream.consumer.core.engine.RecordCodecs;
import io.offstream.consumer.core.engine.ServiceConsumer;
import io.offstream.consumer.core.engine.ServiceConsumerSettings;
import io.offstream.consumer.core.invoke.FunctionServiceInvoker;
import io.offstream.contract.naming.RunTopics;
import io.offstream.kafka.broker.KraftBroker;
import io.offstream.kafka.broker.KraftBrokerSettings;
import io.offstream.risk.SampleTransactions;
import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Throughput of the service consumer on one in-process KRaft broker, in one run:
 * <ol>
 * <li>a minimal raw pipe (KafkaConsumer → KafkaProducer, commit after each poll's sends are acknowledged);</li>
 * <li>the engine with a no-op service (decode, call, encode, produce, track, commit);</li>
 * <li>the engine with a 20 ms service at in-flight 256, against the ideal 256 / 0.02 s = 12,800/s.</li>
 * </ol>
 * Each stage reads its own pre-filled ingress topic; the time runs from start until the last result
 * is acknowledged by Kafka.
 */
public final class ConsumerBenchmark {

    private static final HistorySchemaStore STORE = HistorySchemaStore.fromClasspath();

    private static final SpecificRecordCodec<Transaction> TRANSACTIONS = SpecificRecordCodec.of(Transaction.class, STORE);

    private ConsumerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("bench.records", 200_000);
        int slowRecords = Integer.getInteger("bench.slow.records", 100_000);
        int partitions = Integer.getInteger("bench.partitions", 8);
        Path dir = Files.createTempDirectory("offstream-bench");
        try (KraftBroker broker = new KraftBroker(KraftBrokerSettings.builder(dir).freePorts().build()).start()) {
            String bootstrap = broker.bootstrapServers();
            System.out.printf("Broker %s, %d partitions, %d cores%n", bootstrap, partitions, Runtime.getRuntime().availableProcessors());

            fill(bootstrap, "raw", partitions, records);
            double raw = rawPipe(bootstrap, RunTopics.of("raw", "bench"), records);

            fill(bootstrap, "noop", partitions, records);
            double noop = engine(bootstrap, "noop", records, 256, 0, ConsumerBenchmark::noop);

            fill(bootstrap, "slow", partitions, slowRecords);
            double slow = engine(bootstrap, "slow", slowRecords, 256, 256, t -> {
                sleep(20);
                return noop(t);
            });

            System.out.println();
            System.out.println("| pipeline | records | records/s |");
            System.out.println("| --- | ---: | ---: |");
            System.out.printf("| raw KafkaConsumer -> KafkaProducer pipe | %d | %,.0f |%n", records, raw);
            System.out.printf("| service consumer, no-op service (in-flight 256) | %d | %,.0f (%.0f%% of raw) |%n", records, noop, 100 * noop / raw);
            System.out.printf("| service consumer, 20 ms service, in-flight 256, 256 workers | %d | %,.0f (%.1f%% of 12,800/s) |%n",
                    slowRecords, slow, 100 * slow / 12_800);
        }
        finally {
            deleteQuietly(dir);
        }
        System.exit(0);
    }

    static RiskDecision noop(Transaction t) {
        return RiskDecision.newBuilder().setTxnId(t.getTxnId()).setDecision("APPROVE").setRiskScore(0).setReasons(List.of())
                .setAmountUsdMinor(t.getAmountMinor()).setSellerTier("standard").setServiceVersion("noop")
                .setEventTime(t.getEventTime()).build();
    }

    private static void fill(String bootstrap, String service, int partitions, int records) throws Exception {
        RunTopics run = RunTopics.of(service, "bench");
        String ingress = run.ingress();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(ingress, partitions, (short) 1),
                    new NewTopic(run.egress(), partitions, (short) 1),
                    new NewTopic(run.dlq(), 1, (short) 1))).all().get();
            // produce only once every partition has its leader (a fresh topic answers NOT_LEADER for a moment)
            for (int attempt = 0; attempt < 100; attempt++) {
                try {
                    boolean ready = admin.describeTopics(List.of(ingress, run.egress())).allTopicNames().get().values()
                            .stream().allMatch(d -> d.partitions().stream().allMatch(info -> info.leader() != null && !info.leader().isEmpty()));
                    if (ready) {
                        break;
                    }
                }
                catch (java.util.concurrent.ExecutionException notYetKnown) {
                    // the broker's metadata has not caught up with the controller yet
                }
                Thread.sleep(100);
            }
            Thread.sleep(1000);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int n = 0; n < records; n++) {
                Transaction t = SampleTransactions.transaction(n);
                producer.send(new ProducerRecord<>(ingress, t.getTxnId().getBytes(StandardCharsets.UTF_8), TRANSACTIONS.encode(t)));
            }
            producer.flush();
        }
    }

    /** The least a pipe can do: poll, send each record on, wait for the acks, commit. */
    private static double rawPipe(String bootstrap, RunTopics run, int records) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-pipe");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        String ingress = run.ingress();
        String egress = run.egress();
        long start = 0;
        long done = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            consumer.subscribe(Pattern.compile(Pattern.quote(ingress)));
            while (done < records) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
                if (start == 0 && !batch.isEmpty()) {
                    start = System.nanoTime(); // from the first record, like the engine's figure (group join excluded)
                }
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    producer.send(new ProducerRecord<>(egress, null, null, record.key(), record.value(), record.headers()));
                }
                producer.flush();
                consumer.commitSync();
                done += batch.count();
            }
        }
        return rate("raw pipe", records, start);
    }

    private static double engine(String bootstrap, String service, int records, int inFlight, int workers,
            Function<Transaction, RiskDecision> function) throws InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ServiceConsumerSettings settings = ServiceConsumerSettings.defaults(service, bootstrap).withMaxInFlight(inFlight);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicLong firstCall = new AtomicLong();
        Function<IndexedRecord, IndexedRecord> counted = request -> {
            firstCall.compareAndSet(0, System.nanoTime());
            return function.apply((Transaction) request);
        };
        long start = System.nanoTime();
        // the codecs the consumer app builds for the sample's catalogue entry (requests decode to Transaction)
        RecordCodecs<IndexedRecord, IndexedRecord> codecs = RecordCodecs.avro(STORE.history().require(Transaction.getClassSchema().getFullName()),
                STORE.history().require(RiskDecision.getClassSchema().getFullName()), ConsumerBenchmark.class.getClassLoader());
        try (ServiceConsumer<IndexedRecord, IndexedRecord> consumer = new ServiceConsumer<>(settings,
                new FunctionServiceInvoker<>(counted, workers == 0 ? Math.max(2, Runtime.getRuntime().availableProcessors()) : workers),
                codecs, registry)) {
            consumer.start();
            while (registry.get("offstream.consumer.records.out").counter().count() < records) {
                finished.await(20, TimeUnit.MILLISECONDS);
            }
            double fromStart = rate(service + " (from start, incl. group join)", records, start);
            double fromFirstCall = rate(service + " (from first call)", records, firstCall.get());
            var percentiles = registry.get("offstream.service.latency").timer().takeSnapshot().percentileValues();
            System.out.printf("  %s: service latency p50 %.1f ms, p99 %.1f ms, max in flight %.0f, pauses %.0f%n", service,
                    percentiles[0].value(TimeUnit.MILLISECONDS), percentiles[1].value(TimeUnit.MILLISECONDS),
                    registry.get("offstream.consumer.in.flight.max").gauge().value(),
                    registry.get("offstream.consumer.pauses").counter().count());
            return Math.max(fromStart, fromFirstCall);
        }
    }

    private static double rate(String what, int records, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = records / seconds;
        System.out.printf("  %s: %d records in %.2f s = %,.0f records/s%n", what, records, seconds, rate);
        return rate;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        catch (Exception e) {
            // a temp directory
        }
    }
}
