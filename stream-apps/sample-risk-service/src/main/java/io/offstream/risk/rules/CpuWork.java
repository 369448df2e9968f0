package io.offstream.risk.rules;

import io.offstream.risk.Determinism;

/** Added CPU work per call (a benchmark knob): rounds of hashing that do not change the result. */
public final class CpuWork {

    private static volatile long sink;

    private CpuWork() {
    }

    public static void burn(String seed, long iterations) {
        if (iterations <= 0) {
            return;
        }
        long h = Determinism.hash64(seed);
        for (long i = 0; i < iterations; i++) {
            h = Determinism.mix(h + i);
        }
        sink = h;
    }
}
