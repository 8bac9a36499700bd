package io.github.mfaeval.generate;

/**
 * SplitMix64, written out here rather than taken from the JDK so that a seed gives the same tenants on
 * every Java version. A generator is derived from a path of numbers (seed, tenant, what, index), so any
 * record can be made again on its own, in any order, without keeping the ones before it.
 */
final class Rng {
    private long state;

    private Rng(long state) {
        this.state = state;
    }

    static Rng of(long... path) {
        long s = 0x6A09E667F3BCC909L;
        for (long p : path) s = mix(s ^ mix(p + 0x9E3779B97F4A7C15L));
        return new Rng(s);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        return mix(state += 0x9E3779B97F4A7C15L);
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    <T> T pick(T[] values) {
        return values[nextInt(values.length)];
    }

    /** A random (version 4) UUID in its usual text form. */
    String uuid() {
        long hi = (nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lo = (nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return hex(hi >>> 32, 8) + "-" + hex(hi >>> 16, 4) + "-" + hex(hi, 4) + "-" + hex(lo >>> 48, 4) + "-" + hex(lo, 12);
    }

    String hex(int digits) {
        return hex(nextLong(), digits);
    }

    private static String hex(long v, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = Character.forDigit((int) (v & 0xF), 16);
            v >>>= 4;
        }
        return new String(out);
    }
}
