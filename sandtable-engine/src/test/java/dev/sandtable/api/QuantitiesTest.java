package dev.sandtable.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "500m, 0.5",
            "2, 2",
            "1.5, 1.5",
            "100Mi, 104857600",
            "1Gi, 1073741824",
            "1G, 1000000000",
            "128974848, 128974848",
            "129e6, 129000000",
            "123Mi, 128974848",
            "1k, 1000",
            "1Ki, 1024",
            "0.1, 0.1",
            "+5, 5",
            "1E3, 1000",
            "5n, 0.000000005",
    })
    void parsesValidQuantitiesAsTheApiServerDoes(String text, String value) {
        assertThat(Quantities.parse(text)).isEqualByComparingTo(new BigDecimal(value));
    }

    @Test
    void wholeNumbersWithASuffixParseExactlyAsTheGeneralPathDoes() {
        SplittableRandom random = new SplittableRandom(3);
        List<String> suffixes = List.of("", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei");
        for (int i = 0; i < 2000; i++) {
            String digits = (Long.toString(random.nextLong(Long.MAX_VALUE)) + "0123456789").substring(0, 1 + random.nextInt(20));
            String text = (random.nextInt(5) == 0 ? "0" : "") + digits + suffixes.get(random.nextInt(suffixes.size()));
            // A leading sign takes the general path: the value and its scale must be the same.
            assertThat(Quantities.parse(text)).as(text).isEqualTo(Quantities.parse("+" + text));
        }
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(strings = {"500mm", "1GB", "0.5.1", "abc", "1 Gi", "Mi", "1gi", "--1", ""})
    void rejectsWhatTheApiServerRejects(String text) {
        assertThatThrownBy(() -> Quantities.parse(text)).isInstanceOf(Quantities.InvalidQuantityException.class);
    }

    @ParameterizedTest(name = "cpu {0} is {1} millicores")
    @CsvSource({"500m, 500", "1, 1000", "0.1, 100", "1.5, 1500", "100u, 1", "1n, 1"})
    void milliValueRoundsUpLikeMilliValue(String text, long millis) {
        assertThat(Quantities.milliValue(new Quantity(text))).isEqualTo(millis);
    }

    @ParameterizedTest(name = "fabric8 keeps the text of {0}")
    @ValueSource(strings = {"500m", "256Mi", "1.5", "500mm"})
    void fabric8QuantityRoundTripsTheWrittenText(String text) {
        assertThat(Quantities.text(new Quantity(text))).isEqualTo(text);
    }
}
