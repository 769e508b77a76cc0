package dev.sandtable.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {
    private static final Map<String, String> LABELS = Map.of("app", "web", "tier", "frontend");

    @Test
    void nullSelectorMatchesNothingAndEmptySelectorMatchesEverything() {
        assertThat(LabelSelectors.matches(null, LABELS)).isFalse();
        assertThat(LabelSelectors.matches(new LabelSelector(), LABELS)).isTrue();
    }

    @Test
    void matchLabelsAndExpressionsMustAllHold() {
        LabelSelector s = new LabelSelectorBuilder().addToMatchLabels("app", "web")
                .addNewMatchExpression().withKey("tier").withOperator("In").withValues("frontend", "edge").endMatchExpression()
                .addNewMatchExpression().withKey("canary").withOperator("DoesNotExist").endMatchExpression()
                .build();
        assertThat(LabelSelectors.matches(s, LABELS)).isTrue();
        assertThat(LabelSelectors.matches(s, Map.of("app", "web", "tier", "backend"))).isFalse();
    }

    @Test
    void notInMatchesObjectsWithoutTheKey() {
        assertThat(LabelSelectors.matches("env", "NotIn", List.of("prod"), LABELS)).isTrue();
    }

    @Test
    void serviceStyleSelectorsSelectNothingWhenEmpty() {
        assertThat(LabelSelectors.matchesMap(Map.of(), LABELS)).isFalse();
        assertThat(LabelSelectors.matchesMap(Map.of("app", "web"), LABELS)).isTrue();
    }
}
