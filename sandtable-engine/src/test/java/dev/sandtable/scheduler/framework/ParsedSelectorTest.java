package dev.sandtable.scheduler.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsedSelectorTest {

    private static ParsedSelector parse(LabelSelector ls) {
        try {
            return ParsedSelector.parse(ls);
        } catch (ParsedSelector.InvalidSelectorException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void nullSelectsNothingAndEmptySelectsEverything() {
        ParsedSelector nothing = parse(null);
        assertThat(nothing.isNothing()).isTrue();
        assertThat(nothing.isEmpty()).isFalse();
        assertThat(nothing.matches(Map.of())).isFalse();
        ParsedSelector everything = parse(new LabelSelector());
        assertThat(everything.isEmpty()).isTrue();
        assertThat(everything.isNothing()).isFalse();
        assertThat(everything.matches(null)).isTrue();
        assertThat(everything).hasToString("");
    }

    @Test
    void requirementsAreSortedByKeyAndPrintedAsLabelsSelectorString() {
        ParsedSelector s = parse(new LabelSelectorBuilder()
                .addToMatchLabels("tier", "fe")
                .addNewMatchExpression().withKey("app").withOperator("In").withValues("web", "api").endMatchExpression()
                .addNewMatchExpression().withKey("zone").withOperator("NotIn").withValues("b", "a").endMatchExpression()
                .addNewMatchExpression().withKey("canary").withOperator("DoesNotExist").endMatchExpression()
                .addNewMatchExpression().withKey("hash").withOperator("Exists").endMatchExpression()
                .build());
        assertThat(s).hasToString("app in (api,web),!canary,hash,tier=fe,zone notin (a,b)");
        assertThat(s.matches(Map.of("app", "web", "tier", "fe", "hash", "1", "zone", "c"))).isTrue();
        assertThat(s.matches(Map.of("app", "web", "tier", "fe", "hash", "1", "zone", "a"))).isFalse();
        assertThat(s.matches(Map.of("app", "web", "tier", "fe"))).isFalse();
    }

    @Test
    void matchLabelsAndAnInExpressionAreDifferentRequirements() {
        ParsedSelector equals = parse(new LabelSelectorBuilder().addToMatchLabels("app", "web").build());
        ParsedSelector in = parse(new LabelSelectorBuilder()
                .addNewMatchExpression().withKey("app").withOperator("In").withValues("web").endMatchExpression().build());
        assertThat(equals).isNotEqualTo(in);
        assertThat(equals.matches(Map.of("app", "web"))).isTrue();
        assertThat(in.matches(Map.of("app", "web"))).isTrue();
        assertThat(in).isEqualTo(parse(new LabelSelectorBuilder()
                .addNewMatchExpression().withKey("app").withOperator("In").withValues("web", "web").endMatchExpression().build()));
    }

    @Test
    void fromSetAndAddFollowSelectorFromSetAndSelectorAdd() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("b", "2");
        set.put("a", "1");
        ParsedSelector fromSet = ParsedSelector.fromSet(set);
        assertThat(fromSet).hasToString("a=1,b=2");
        assertThat(ParsedSelector.fromSet(Map.of()).isEmpty()).isTrue();

        ParsedSelector exists = parse(new LabelSelectorBuilder()
                .addNewMatchExpression().withKey("a0").withOperator("Exists").endMatchExpression().build());
        assertThat(fromSet.add(exists)).hasToString("a=1,a0,b=2");
        assertThat(fromSet.add(ParsedSelector.NOTHING)).isEqualTo(fromSet);
        assertThat(fromSet.add(ParsedSelector.EVERYTHING)).isEqualTo(fromSet);
        assertThat(ParsedSelector.NOTHING.add(exists).isNothing()).isTrue();
        assertThat(ParsedSelector.EVERYTHING.add(exists)).isEqualTo(exists);
    }

    @Test
    void invalidRequirementsGiveTheApimachineryErrorText() {
        assertThatThrownBy(() -> ParsedSelector.parse(new LabelSelectorBuilder()
                .addNewMatchExpression().withKey("app").withOperator("In").withValues(List.of()).endMatchExpression().build()))
                .isInstanceOf(ParsedSelector.InvalidSelectorException.class)
                .hasMessage("values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty");
        assertThatThrownBy(() -> ParsedSelector.parse(new LabelSelectorBuilder()
                .addNewMatchExpression().withKey("app").withOperator("Exists").withValues("x").endMatchExpression().build()))
                .hasMessage("values: Invalid value: []string{\"x\"}: values set must be empty for exists and does not exist");
        assertThatThrownBy(() -> ParsedSelector.parse(new LabelSelectorBuilder()
                .addNewMatchExpression().withKey("app").withOperator("Gt").withValues("1").endMatchExpression().build()))
                .hasMessage("\"Gt\" is not a valid label selector operator");
    }
}
