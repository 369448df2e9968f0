package io.offstream.consumer.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import io.offstream.contract.naming.RunTopics;
import io.offstream.risk.SampleTransactions;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.junit.jupiter.api.Test;

/**
 * The rate limiter holds its cap within 10%. The issue asks for a minute; this test measures 20 s
 * (4,000 calls at 200/s), enough to count precisely at that cap and short enough for the build.
 */
class RateLimitIntegrationTests extends PipelineIntegrationTestSupport {

    private static final int CAP = 200;

    private static final int COUNT = 4000;

    @Test
    void serviceCallsStayWithinTenPercentOfTheCap() {
        ConcurrentLinkedQueue<Long> callTimes = new ConcurrentLinkedQueue<>();
        Function<Transaction, RiskDecision> service = t -> {
            callTimes.add(System.nanoTime());
            return PoisonRecordIntegrationTests.decision(t);
        };
        createRunTopics("capped", "run1", 4);
        String ingress = RunTopics.of("capped", "run1").ingress();
        List<Transaction> transactions = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) {
            transactions.add(SampleTransactions.transaction(n));
        }
        produceTransactions(ingress, "run1", transactions);

        start(options("capped").set("rate-limit", CAP), service, 8);
        readAtLeast(RunTopics.ofIngress(ingress).egress(), COUNT, Duration.ofSeconds(60));

        List<Long> times = new ArrayList<>(callTimes);
        times.sort(Long::compare);
        assertThat(times).hasSize(COUNT);
        double seconds = (times.get(times.size() - 1) - times.get(0)) / 1e9;
        double rate = (COUNT - 1) / seconds;
        assertThat(rate).isBetween(CAP * 0.9, CAP * 1.1);
        long start = times.get(0);
        int[] perSecond = new int[(int) seconds];
        for (long t : times) {
            int s = (int) ((t - start) / 1_000_000_000L);
            if (s < perSecond.length) {
                perSecond[s]++;
            }
        }
        // and in every full second: never above the cap by more than 10% (below it only when this
        // shared 2-core machine stalls the JVM, so the per-second floor is looser)
        for (int s = 1; s < perSecond.length; s++) {
            assertThat(perSecond[s]).as("calls in second %d", s).isBetween((int) (CAP * 0.75), (int) (CAP * 1.1));
        }
        assertThat(counter("offstream.consumer.rate.limiter.waits")).isGreaterThan(COUNT / 2.0);
        assertThat(gauge("offstream.consumer.rate.limit")).isEqualTo(CAP);
    }
}
