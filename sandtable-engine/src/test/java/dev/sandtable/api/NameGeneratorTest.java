package dev.sandtable.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.sim.SeededRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameGeneratorTest {
    private final NameGenerator names = new NameGenerator(new SeededRandom(1));

    /** The base kept is generateName itself up to 58 characters, its first 58 beyond; five random characters follow. */
    @ParameterizedTest(name = "{0}-character generateName keeps {1}")
    @CsvSource({"1, 1", "4, 4", "57, 57", "58, 58", "59, 58", "63, 58", "253, 58"})
    void theBaseIsCutTo58CharactersSoTheNameFitsInALabel(int baseLength, int kept) {
        String base = "w".repeat(baseLength - 1) + "-";
        String name = names.generate(base);
        assertThat(name).hasSize(kept + 5).startsWith(base.substring(0, kept));
        assertThat(name.substring(kept)).matches("[bcdfghjklmnpqrstvwxz2456789]{5}");
    }
}
