package dev.sandtable.sim;

import java.util.SplittableRandom;
import java.util.UUID;

/** The only source of randomness: seeded, so the same seed gives the same run. */
public final class SeededRandom {
    /** The alphabet apimachinery's rand.String uses for generated name suffixes (no vowels, no confusable digits). */
    private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final SplittableRandom random;

    public SeededRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public double nextDouble() {
        return random.nextDouble();
    }

    /** A version-4 shaped UUID drawn from the seeded stream. */
    public UUID uuid() {
        long hi = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lo = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    /** A generateName suffix as the API server appends it (five characters). */
    public String nameSuffix(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
        }
        return sb.toString();
    }
}
