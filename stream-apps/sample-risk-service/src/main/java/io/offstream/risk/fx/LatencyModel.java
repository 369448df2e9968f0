package io.offstream.risk.fx;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import io.offstream.risk.Determinism;

/**
 * The latency the FX dependency adds to a call: none, a fixed time, or heavy-tailed (Pareto with
 * minimum {@code base} and shape {@code alpha}, capped at {@code max}). The draw is a function of
 * the transaction id, so a replay of the same data sees the same latencies.
 */
public record LatencyModel(Mode mode, Duration base, double alpha, Duration max) {

    public enum Mode { NONE, FIXED, HEAVY_TAILED }

    public LatencyModel {
        if (base.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("latencies must not be negative");
        }
        if (mode == Mode.HEAVY_TAILED && alpha <= 0) {
            throw new IllegalArgumentException("alpha must be positive for heavy-tailed latency");
        }
    }

    public static LatencyModel none() {
        return new LatencyModel(Mode.NONE, Duration.ZERO, 1.5, Duration.ZERO);
    }

    public static LatencyModel fixed(Duration latency) {
        return new LatencyModel(Mode.FIXED, latency, 1.5, latency);
    }

    public Duration latencyFor(String txnId) {
        return switch (mode) {
            case NONE -> Duration.ZERO;
            case FIXED -> base;
            case HEAVY_TAILED -> {
                double u = Determinism.unit("latency:" + txnId);
                double nanos = base.toNanos() * Math.pow(1.0 - u, -1.0 / alpha);
                yield Duration.ofNanos((long) Math.min(nanos, max.toNanos()));
            }
        };
    }

    /** Blocks the calling thread for the transaction's latency, as a synchronous client would. */
    public void await(String txnId) {
        long nanos = latencyFor(txnId).toNanos();
        long deadline = System.nanoTime() + nanos;
        while (nanos > 0) {
            LockSupport.parkNanos(nanos);
            nanos = deadline - System.nanoTime();
        }
    }
}
