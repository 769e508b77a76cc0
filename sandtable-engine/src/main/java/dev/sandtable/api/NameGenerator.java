package dev.sandtable.api;

import dev.sandtable.sim.SeededRandom;

/**
 * Mirrors the API server's simple name generator, k8s.io/apiserver pkg/storage/names (v1.31): metadata.generateName,
 * cut to 58 characters, plus five random characters from apimachinery's rand alphabet, so a name never exceeds 63.
 */
public final class NameGenerator {
    /** The longest name a generated name may have (a DNS label). */
    static final int MAX_NAME_LENGTH = 63;
    static final int RANDOM_LENGTH = 5;
    /** The longest generateName kept whole: longer ones are cut so that the result still fits in 63 characters. */
    public static final int MAX_GENERATED_NAME_LENGTH = MAX_NAME_LENGTH - RANDOM_LENGTH;

    private final SeededRandom random;

    public NameGenerator(SeededRandom random) {
        this.random = random;
    }

    /** A new name for the given generateName. */
    public String generate(String base) {
        String kept = base.length() > MAX_GENERATED_NAME_LENGTH ? base.substring(0, MAX_GENERATED_NAME_LENGTH) : base;
        return kept + random.nameSuffix(RANDOM_LENGTH);
    }
}
