package io.offstream.consumer.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.offstream.contract.naming.RunHeaders;
import io.offstream.contract.naming.RunTopics;
import io.offstream.risk.SampleTransactions;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A call that hangs does not hold its slot: past the call timeout it fails with a (transient)
 * timeout, is retried, and once its attempts are spent goes to the DLQ while the rest go through.
 */
class CallTimeoutIntegrationTests extends PipelineIntegrationTestSupport {

    private static final int COUNT = 40;

    @Test
    void aHangingCallTimesOutIsRetriedAndIsDeadLetteredWhileTheRestGoThrough() {
        String hanging = SampleTransactions.txnId(7);
        Function<Transaction, RiskDecision> service = t -> {
            if (t.getTxnId().equals(hanging)) {
                sleep(2_000);
            }
            return PoisonRecordIntegrationTests.decision(t);
        };
        RunTopics run = RunTopics.of("hangs", "run1");
        createRunTopics("hangs", "run1", 2);
        List<Transaction> transactions = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            transactions.add(SampleTransactions.transaction(n));
        }
        produceTransactions(run.ingress(), "run1", transactions);

        start(options("hangs").set("call-timeout", "300ms").set("retry.max-attempts", 2).set("retry.initial-backoff", "10ms")
                .set("retry.multiplier", 1), service, 4);

        List<ConsumerRecord<byte[], byte[]>> dlq = readAtLeast(run.dlq(), 1, Duration.ofSeconds(30));
        readAtLeast(run.egress(), COUNT - 1, Duration.ofSeconds(30));
        assertThat(dlq).hasSize(1);
        assertThat(header(dlq.get(0), RunHeaders.ERROR_CLASS)).isEqualTo("java.util.concurrent.TimeoutException");
        assertThat(header(dlq.get(0), RunHeaders.ERROR_MESSAGE)).isEqualTo("no result within the call timeout of PT0.3S");
        assertThat(header(dlq.get(0), RunHeaders.ERROR_ATTEMPTS)).isEqualTo("2");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(uncommitted("hangs", run.ingress()).values()).allMatch(lag -> lag == 0));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
