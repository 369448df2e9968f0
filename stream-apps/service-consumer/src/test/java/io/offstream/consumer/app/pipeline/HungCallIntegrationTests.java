package io.offstream.consumer.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.offstream.contract.naming.RunHeaders;
import io.offstream.contract.naming.RunTopics;
import io.offstream.risk.SampleTransactions;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One call that never returns, with 100,000 records behind it: every later record completes but
 * none can be committed before it, so the pipeline holds them until the call times out. Memory
 * stays bounded because delivery pauses at {@code max-uncommitted} (sampled while it runs), the
 * hung call fails by its timeout into the DLQ, everything else reaches egress and the group
 * commits every offset.
 */
class HungCallIntegrationTests extends PipelineIntegrationTestSupport {

    private static final int COUNT = 100_000;

    private static final int MAX_UNCOMMITTED = 2_000;

    private static final int MAX_POLL_RECORDS = 200;

    @Test
    void aCallThatNeverReturnsHoldsAtMostTheBoundAndFailsByTimeoutIntoTheDlq() throws Exception {
        String hung = SampleTransactions.txnId(50);
        CountDownLatch never = new CountDownLatch(1);
        Function<Transaction, RiskDecision> service = t -> {
            if (t.getTxnId().equals(hung)) {
                try {
                    never.await(); // until the app shuts its workers down
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return PoisonRecordIntegrationTests.decision(t);
        };
        RunTopics run = RunTopics.of("hung", "run1");
        createRunTopics("hung", "run1", 1); // one partition: every record after the hung one waits behind it
        List<Transaction> transactions = new ArrayList<>(COUNT);
        for (int n = 0; n < COUNT; n++) {
            transactions.add(SampleTransactions.transaction(n));
        }
        produceTransactions(run.ingress(), "run1", transactions);

        start(options("hung").set("max-in-flight", 64).set("max-poll-records", MAX_POLL_RECORDS)
                .set("max-uncommitted", MAX_UNCOMMITTED).set("call-timeout", "3s").set("retry.max-attempts", 1), service, 64);

        AtomicLong mostUncommitted = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> mostUncommitted.accumulateAndGet((long) gauge("offstream.consumer.uncommitted"), Math::max),
                0, 5, TimeUnit.MILLISECONDS);
        List<ConsumerRecord<byte[], byte[]>> dlq;
        try {
            dlq = readAtLeast(run.dlq(), 1, Duration.ofSeconds(60));
            readAtLeast(run.egress(), COUNT - 1, Duration.ofSeconds(120));
        }
        finally {
            sampler.shutdownNow();
        }

        assertThat(dlq).hasSize(1);
        assertThat(new String(dlq.get(0).key())).isEqualTo(hung);
        assertThat(header(dlq.get(0), RunHeaders.ERROR_CLASS)).isEqualTo("java.util.concurrent.TimeoutException");
        // the bound, plus what was already fetched when delivery paused (up to two polls)
        assertThat(mostUncommitted.get()).isGreaterThan(MAX_UNCOMMITTED / 2).isLessThanOrEqualTo(MAX_UNCOMMITTED + 2L * MAX_POLL_RECORDS);
        assertThat(counter("offstream.consumer.pauses")).isGreaterThan(0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(uncommitted("hung", run.ingress()).values()).allMatch(lag -> lag == 0));
    }
}
