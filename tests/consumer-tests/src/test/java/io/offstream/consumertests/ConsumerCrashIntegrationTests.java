package io.offstream.consumertests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.offstream.contract.naming.RunHeaders;
import io.offstream.risk.SampleTransactions;
import io.offstream.schemas.codec.HistorySchemaStore;
import io.offstream.schemas.codec.SpecificRecordCodec;
import io.offstream.schemas.sample.Transaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer process is killed with SIGKILL mid-run and started again: every ingress record ends
 * with a result on egress (or the DLQ), duplicates are allowed and counted, per-key order holds
 * (a key's results only ever move to its next version or rewind to replay), and the group ends up
 * with every ingress offset committed.
 */
class ConsumerCrashIntegrationTests extends ConsumerProcessTestSupport {

    private static final Logger log = LoggerFactory.getLogger(ConsumerCrashIntegrationTests.class);

    private static final int KEYS = 2000;

    private static final int VERSIONS = 3;

    private static final int COUNT = KEYS * VERSIONS;

    @Test
    void aConsumerKilledMidRunAndRestartedLeavesEveryKeyWithAResultInOrder() throws Exception {
        SpecificRecordCodec<Transaction> codec = SpecificRecordCodec.of(Transaction.class, HistorySchemaStore.fromClasspath());
        BrokerRun run = new BrokerRun(kafka, "risk", "crash").create(4);
        List<String> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (int v = 0; v < VERSIONS; v++) {
            for (int k = 0; k < KEYS; k++) {
                keys.add("key-" + k);
                values.add(codec.encode(SampleTransactions.transaction(v * KEYS + k, "key-" + k)));
            }
        }
        run.produce(keys, values);

        // calls that wait (the FX dependency's latency): a worker per call in flight, not the entry's few
        String[] args = {"--offstream.consumer.rate-limit=800", "--offstream.consumer.max-in-flight=64", "--offstream.consumer.workers=64",
                "--offstream.risk.latency.mode=heavy-tailed", "--offstream.risk.latency.base=2ms"};
        App first = startConsumer("service-consumer-crash-1", args);
        // kill it once about a third of the results are out
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> run.read(run.egress(), COUNT / 3, Duration.ofMinutes(2)));
        third.get();
        first.process().kill();
        long uncommittedAtKill = run.uncommitted();
        log.info("Killed the consumer with {} ingress records uncommitted", uncommittedAtKill);
        assertThat(uncommittedAtKill).isGreaterThan(0);

        try (App second = startConsumer("service-consumer-crash-2", args)) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> run.uncommitted() == 0);
            // every ingress offset is committed, so every result is written: all of them, replayed ones too
            List<ConsumerRecord<byte[], byte[]>> egress = run.readToEnd(run.egress(), Duration.ofSeconds(30));

            Map<String, List<Integer>> versionsByKey = new HashMap<>();
            Set<Integer> positions = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> record : egress) {
                int position = Integer.parseInt(BrokerRun.header(record, RunHeaders.SOURCE_POSITION));
                positions.add(position);
                versionsByKey.computeIfAbsent(BrokerRun.key(record), k -> new ArrayList<>()).add(position / KEYS);
            }
            int duplicates = egress.size() - positions.size();
            log.info("Egress holds {} results for {} ingress records: {} duplicates from the replay", egress.size(), COUNT, duplicates);

            assertThat(positions).hasSize(COUNT);                   // every ingress record has a result
            assertThat(versionsByKey).hasSize(KEYS);
            versionsByKey.forEach((key, versions) -> {
                assertThat(versions.get(0)).as("first result of %s", key).isZero();
                for (int i = 1; i < versions.size(); i++) {
                    assertThat(versions.get(i)).as("result %d of %s: %s", i, key, versions).isLessThanOrEqualTo(versions.get(i - 1) + 1);
                }
                assertThat(versions.get(versions.size() - 1)).as("last result of %s: %s", key, versions).isEqualTo(VERSIONS - 1);
            });
            assertThat(duplicates).isLessThan(COUNT);
            assertThat(metric(second, "offstream_consumer_records_in_total")).isLessThan(COUNT); // resumed, not restarted from zero
        }
    }
}
