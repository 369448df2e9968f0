package io.offstream.risk;

import java.nio.charset.StandardCharsets;

/** Stable pseudo-randomness derived from text, so the same input always behaves the same. */
public final class Determinism {

    private Determinism() {
    }

    /** A well-mixed 64-bit hash of the text (FNV-1a, then the SplitMix64 finaliser). */
    public static long hash64(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A number in [0, 1) fixed by the text. */
    public static double unit(String text) {
        return (hash64(text) >>> 11) * 0x1.0p-53;
    }
}
