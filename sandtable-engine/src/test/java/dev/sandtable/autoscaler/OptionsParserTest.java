package dev.sandtable.autoscaler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.api.FieldError;
import dev.sandtable.autoscaler.config.AutoscalingOptions;
import dev.sandtable.autoscaler.config.OptionsParser;
import dev.sandtable.testing.Yaml;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ClusterAutoscaler settings: upstream flag names and defaults, kmp's settings, and refusals with hints. */
class OptionsParserTest {

    static OptionsParser.Result parse(String yaml) {
        @SuppressWarnings("unchecked") Map<String, Object> spec = Yaml.read(Map.class, yaml);
        return OptionsParser.parse(spec);
    }

    @Test
    void defaultsAreTheUpstreamFlagDefaultsExceptTheExpander() {
        AutoscalingOptions d = AutoscalingOptions.defaults();
        assertThat(d.scanInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.nodeGroupDefaults().scaleDownUtilizationThreshold()).isEqualTo(0.5);
        assertThat(d.nodeGroupDefaults().scaleDownUnneededTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.nodeGroupDefaults().maxNodeProvisionTime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(d.scaleDownDelayAfterAdd()).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.effectiveDelayAfterDelete()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.scaleDownDelayAfterFailure()).isEqualTo(Duration.ofMinutes(3));
        assertThat(d.expendablePodsPriorityCutoff()).isEqualTo(-10);
        assertThat(d.expanders()).containsExactly("least-waste");
    }

    @Test
    void kmpsScaleDownAtFortyPercentWithATenMinuteCoolDownIsExpressible() {
        OptionsParser.Result r = parse("{scale-down-utilization-threshold: 0.4, scale-down-unneeded-time: 10m, scale-down-delay-after-add: 10m}");
        assertThat(r.errors()).isEmpty();
        assertThat(r.options().nodeGroupDefaults().scaleDownUtilizationThreshold()).isEqualTo(0.4);
        assertThat(parse("{scale-down-utilization-threshold: 40%}").options().nodeGroupDefaults().scaleDownUtilizationThreshold()).isEqualTo(0.4);
    }

    @Test
    void aScaleUpThresholdIsRefusedWithTheOverProvisioningHint() {
        List<FieldError> e = parse("{scale-up-utilization-threshold: 0.8}").errors();
        assertThat(e).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("spec.scale-up-utilization-threshold");
            assertThat(f.message()).contains("has no option scale-up-utilization-threshold").contains("only for pods the scheduler cannot place");
            assertThat(f.hint()).contains("over-provisioning");
        });
    }

    @Test
    void badValuesAreEachReportedAtTheirField() {
        List<FieldError> e = parse("{expander: cheapest, scale-down-utilization-threshold: 1.5, max-nodes-total: -3, scan-interval: soon,"
                + " scale-down-unneded-time: 5m, nodeGroups: {web: {provisioning-delay: -1m}}}").errors();
        assertThat(e).extracting(FieldError::path).containsExactlyInAnyOrder("spec.expander", "spec.scale-down-utilization-threshold",
                "spec.max-nodes-total", "spec.scan-interval", "spec.scale-down-unneded-time", "spec.nodeGroups.web.provisioning-delay");
        assertThat(e).filteredOn(f -> f.path().equals("spec.scale-down-unneded-time")).singleElement()
                .satisfies(f -> assertThat(f.hint()).startsWith("did you mean scale-down-unneeded-time?"));
        assertThat(e).filteredOn(f -> f.path().equals("spec.expander")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("Expander cheapest not supported"));
    }

    @Test
    void expanderChainsFollowUpstreamRules() {
        assertThat(parse("{expander: \"priority,least-waste\", priorities: {10: [spot]}}").errors()).isEmpty();
        assertThat(parse("{expander: \"random,least-waste\"}").errors()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("came after random"));
        assertThat(parse("{expander: priority}").errors()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("needs priorities"));
    }
}
