package io.offstream.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;

/**
 * Stand-ins for a production service, with the sample's request and response types, so that what is
 * measured is the consumer around the call: a no-op, and one that waits a fixed time per call (an I/O
 * bound service: the calling thread blocks, no CPU is used).
 */
final class BenchmarkServices {

    private BenchmarkServices() {
    }

    /** Answers at once. */
    static Function<Transaction, RiskDecision> noop() {
        return t -> decision(t, "noop");
    }

    /** Answers after {@code latency}, blocking the calling thread as a remote call would. */
    static Function<Transaction, RiskDecision> sleeping(Duration latency) {
        return t -> {
            pause(latency);
            return decision(t, "sleep");
        };
    }

    /** The least valid response to a transaction. */
    static RiskDecision decision(Transaction t, String serviceVersion) {
        return RiskDecision.newBuilder().setTxnId(t.getTxnId()).setDecision("APPROVE").setRiskScore(0).setReasons(List.of())
                .setAmountUsdMinor(t.getAmountMinor()).setSellerTier("standard").setServiceVersion(serviceVersion)
                .setEventTime(t.getEventTime()).build();
    }

    static void pause(Duration latency) {
        try {
            TimeUnit.NANOSECONDS.sleep(latency.toNanos());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a service call", e);
        }
    }
}
