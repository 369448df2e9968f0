package io.offstream.benchmarks;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;

import io.offstream.risk.SampleTransactions;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;

/**
 * A service with heavy-tailed latency, as real services have (most calls fast, a few very slow):
 * Pareto-distributed with the given median and shape, capped. A record's latency depends on its key
 * alone (the txn id seeds it), so every compared consumer waits exactly as long for the same record,
 * whatever order or thread it calls it in.
 */
final class ParetoService implements Function<Transaction, RiskDecision> {

    private final Duration median;

    private final double shape;

    private final Duration cap;

    private final double scaleNanos;

    /**
     * @param median half the calls take less, half more
     * @param shape the tail's weight (α): the smaller, the heavier; above 1 for a finite mean
     * @param cap the longest a call takes (a client timeout would cut the tail too)
     */
    ParetoService(Duration median, double shape, Duration cap) {
        if (shape <= 1) {
            throw new IllegalArgumentException("shape must be above 1 for a finite mean latency, not " + shape);
        }
        this.median = median;
        this.shape = shape;
        this.cap = cap;
        // P(X > x) = (xm / x)^α; the median is where that is 1/2, so xm = median / 2^(1/α)
        this.scaleNanos = median.toNanos() / Math.pow(2, 1 / shape);
    }

    @Override
    public RiskDecision apply(Transaction t) {
        BenchmarkServices.pause(latencyOf(t.getTxnId()));
        return BenchmarkServices.decision(t, "pareto");
    }

    /** The latency of the record keyed {@code key}: the same on every call, in every consumer. */
    Duration latencyOf(String key) {
        // inverse transform sampling: xm / U^(1/α) with U uniform in (0, 1]
        double uniform = 1 - new SplittableRandom(key.hashCode()).nextDouble();
        double nanos = scaleNanos / Math.pow(uniform, 1 / shape);
        return Duration.ofNanos((long) Math.min(nanos, cap.toNanos()));
    }

    /** How the latency is distributed, for the report. */
    String describe() {
        return String.format("Pareto latency, median %d ms, shape %.1f, cap %d ms", median.toMillis(), shape, cap.toMillis());
    }

    /**
     * The best rate any consumer can reach with {@code concurrency} calls in flight over transactions
     * {@code 0..records-1}: concurrency divided by their mean latency.
     */
    double idealRate(int records, int concurrency) {
        double meanNanos = LongStream.range(0, records)
                .mapToDouble(n -> latencyOf(SampleTransactions.txnId(n)).toNanos()).average().orElse(0);
        return concurrency / (meanNanos / 1e9);
    }
}
