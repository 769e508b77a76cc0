package dev.sandtable.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scenario.Verdict;
import org.junit.jupiter.api.Test;

class ScenarioTextTest {
    @Test
    void aFailureNamesItsInstantOnceWhenTheDetailAlreadySaysIt() {
        Verdict v = new Verdict("x", "availability", false, "most dropped at 00:34:00: 12 req/s", 2_040_000L, "69 points");
        assertThat(ScenarioText.account(v)).isEqualTo("most dropped at 00:34:00: 12 req/s [by 69 points]");
    }

    @Test
    void aFailureWhoseDetailHasNoInstantGetsItInBrackets() {
        Verdict v = new Verdict("x", "replicas", false, "ready replicas was 0 at worst", 2_040_000L, "2");
        assertThat(ScenarioText.account(v)).isEqualTo("ready replicas was 0 at worst [at 00:34:00, by 2]");
    }

    @Test
    void aPassingVerdictIsItsDetailAlone() {
        Verdict v = new Verdict("x", "replicas", true, "stayed at 2", 2_040_000L, null);
        assertThat(ScenarioText.account(v)).isEqualTo("stayed at 2");
    }
}
