package dev.sandtable.controller.podautoscaler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.controller.podautoscaler.ScaleHistory.Recommendation;
import dev.sandtable.controller.podautoscaler.ScaleHistory.ScaleEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ported from kube-controller-manager pkg/controller/podautoscaler/horizontal_test.go (v1.31): TestScalingWithRules
 * (convertDesiredReplicasWithBehaviorRate), TestStoreScaleEvents and TestNormalizeDesiredReplicasWithBehavior
 * (stabilizeRecommendationWithBehaviors), with upstream's case names, inputs and expectations.
 */
class ReplicaNormalizerTest {
    static final long NOW = ReplicaCalculatorTest.NOW;

    /** generateScalingRules: a Pods and a Percent policy when non-zero, Max, the window; defaults as the API fills them. */
    static ScalingRules rules(int pods, int podsPeriod, int percent, int percentPeriod, int window) {
        List<ScalingRules.Policy> policies = new ArrayList<>();
        if (pods != 0) {
            policies.add(new ScalingRules.Policy(ScalingRules.PODS, pods, podsPeriod));
        }
        if (percent != 0) {
            policies.add(new ScalingRules.Policy(ScalingRules.PERCENT, percent, percentPeriod));
        }
        return new ScalingRules(window, ScalingRules.MAX, policies);
    }

    /** GenerateHPAScale{Up,Down}Rules over generateScalingRules: empty policies take the defaults. */
    static ScalingRules defaulted(ScalingRules r, ScalingRules defaults) {
        if (r == null) {
            return defaults;
        }
        return r.policies().isEmpty() ? new ScalingRules(r.stabilizationWindowSeconds(), r.selectPolicy(), defaults.policies()) : r;
    }

    /** generateEventsUniformDistribution: events spread over the period, each in the middle of its segment. */
    static List<ScaleEvent> events(int period, int... changes) {
        List<ScaleEvent> out = new ArrayList<>();
        double segment = (double) period / changes.length;
        for (int i = 0; i < changes.length; i++) {
            long boundarySeconds = (long) (period - segment * i - segment / 2);
            out.add(new ScaleEvent(changes[i], NOW - boundarySeconds * 1000, false));
        }
        return out;
    }

    record RateCase(String name, List<ScaleEvent> up, List<ScaleEvent> down, int min, int max, ScalingRules upRules, ScalingRules downRules,
                    int current, int prenormalized, int expected, String condition) {
    }

    static Arguments rate(String name, List<ScaleEvent> up, List<ScaleEvent> down, int min, int max, ScalingRules upRules, ScalingRules downRules,
                          int current, int prenormalized, int expected, String condition) {
        return Arguments.of(new RateCase(name, up, down, min, max, upRules, downRules, current, prenormalized, expected, condition));
    }

    static final List<ScaleEvent> NONE = List.of();

    static Stream<Arguments> scalingWithRules() {
        return Stream.of(
                rate("maxReplicas is the limit because maxReplicas < scaleUpLimit", NONE, NONE, 1, 10, null, null, 20, 1000, 10, "TooManyReplicas"),
                rate("desired replica count is more than the maximum replica count", NONE, NONE, 100, 150, null, null, 100, 1000, 150, "TooManyReplicas"),
                rate("scaleUpLimit is the limit because scaleUpLimit < maxReplicas with user policies", NONE, NONE, 1, 2000, rules(0, 0, 1, 60, 0), null,
                        3, 1000, 4, "ScaleUpLimit"),
                rate("scaleUp with default behavior", NONE, NONE, 1, 1000, null, null, 10, 50, 20, "ScaleUpLimit"),
                rate("scaleUp with pods policy larger than percent policy", NONE, NONE, 1, 1000, rules(100, 60, 100, 60, 0), null, 10, 500, 110, "ScaleUpLimit"),
                rate("scaleUp with percent policy larger than pods policy", NONE, NONE, 1, 1000, rules(2, 60, 100, 60, 0), null, 10, 500, 20, "ScaleUpLimit"),
                rate("scaleUp with spec MaxReplicas limitation with large pod policy", NONE, NONE, 1, 1000, rules(100, 60, 0, 0, 0), null, 10, 50, 50,
                        "DesiredWithinRange"),
                rate("scaleUp with spec MaxReplicas limitation with large percent policy", NONE, NONE, 1, 1000, rules(10000, 60, 0, 0, 0), null, 10, 50, 50,
                        "DesiredWithinRange"),
                rate("scaleUp with pod policy limitation", NONE, NONE, 1, 1000, rules(30, 60, 0, 0, 0), null, 10, 50, 40, "ScaleUpLimit"),
                rate("scaleUp with percent policy limitation", NONE, NONE, 1, 1000, rules(0, 0, 200, 60, 0), null, 10, 50, 30, "ScaleUpLimit"),
                rate("scaleDown with percent policy larger than pod policy", NONE, NONE, 1, 1000, null, rules(20, 60, 1, 60, 300), 100, 2, 80, "ScaleDownLimit"),
                rate("scaleDown with pod policy larger than percent policy", NONE, NONE, 1, 1000, null, rules(2, 60, 1, 60, 300), 100, 2, 98, "ScaleDownLimit"),
                rate("scaleDown with spec MinReplicas=nil limitation with large pod policy", NONE, NONE, 1, 1000, null, rules(100, 60, 0, 0, 300), 10, 0, 1,
                        "TooFewReplicas"),
                rate("scaleDown with spec MinReplicas limitation with large pod policy", NONE, NONE, 1, 1000, null, rules(100, 60, 0, 0, 300), 10, 0, 1,
                        "TooFewReplicas"),
                rate("scaleDown with spec MinReplicas limitation with large percent policy", NONE, NONE, 5, 1000, null, rules(0, 0, 100, 60, 300), 10, 2, 5,
                        "TooFewReplicas"),
                rate("scaleDown with pod policy limitation", NONE, NONE, 1, 1000, null, rules(5, 60, 0, 0, 300), 10, 2, 5, "ScaleDownLimit"),
                rate("scaleDown with percent policy limitation", NONE, NONE, 1, 1000, null, rules(0, 0, 50, 60, 300), 10, 5, 5, "DesiredWithinRange"),
                rate("scaleUp with spec MaxReplicas limitation with large pod policy and events", events(120, 1, 5, 9), NONE, 1, 200,
                        rules(300, 60, 0, 0, 0), null, 100, 500, 200, "TooManyReplicas"),
                rate("scaleUp with spec MaxReplicas limitation with large percent policy and events", events(120, 1, 5, 9), NONE, 1, 200,
                        rules(0, 0, 10000, 60, 0), null, 100, 500, 200, "TooManyReplicas"),
                rate("scaleUp with currentReplicas limitation with rate.PeriodSeconds with a lot of recent scale up events", events(120, 1, 5, 9), NONE, 1,
                        1000, rules(5, 120, 0, 0, 0), null, 100, 500, 100, "ScaleUpLimit"),
                rate("scaleUp with pod policy and previous scale up events", events(120, 1, 5, 9), NONE, 1, 1000, rules(150, 120, 0, 0, 0), null, 100, 500,
                        235, "ScaleUpLimit"),
                rate("scaleUp with percent policy and previous scale up events", events(120, 1, 5, 9), NONE, 1, 1000, rules(0, 0, 200, 120, 0), null, 100,
                        500, 255, "ScaleUpLimit"),
                rate("scaleUp with percent policy and previous scale up and down events", events(120, 4), events(120, 2), 1, 1000, rules(0, 0, 300, 300, 0),
                        null, 6, 24, 16, "ScaleUpLimit"),
                rate("scaleDown with default policy and previous events", NONE, events(120, 1, 5, 9), 1, 1000, null, null, 10, 5, 5, "DesiredWithinRange"),
                rate("scaleDown with spec MinReplicas=nil limitation with large pod policy and previous events", NONE, events(120, 1, 5, 9), 1, 1000, null,
                        rules(115, 120, 0, 0, 300), 100, 0, 1, "TooFewReplicas"),
                rate("scaleDown with spec MinReplicas limitation with large pod policy and previous events", NONE, events(120, 1, 5, 9), 5, 1000, null,
                        rules(130, 120, 0, 0, 300), 100, 0, 5, "TooFewReplicas"),
                rate("scaleDown with spec MinReplicas limitation with large percent policy and previous events", NONE, events(120, 1, 5, 9), 5, 1000, null,
                        rules(0, 0, 100, 120, 300), 100, 2, 5, "TooFewReplicas"),
                rate("scaleDown with pod policy limitation and previous events", NONE, events(120, 1, 5, 9), 1, 1000, null, rules(5, 120, 0, 0, 300), 100, 2,
                        100, "ScaleDownLimit"),
                rate("scaleDown with percent policy limitation and previous events", NONE, events(120, 2, 4, 6), 1, 1000, null, rules(0, 0, 50, 120, 300),
                        100, 0, 56, "ScaleDownLimit"),
                rate("scaleDown with percent policy and previous scale up and down events", events(120, 2), events(120, 4), 1, 1000, null,
                        rules(0, 0, 50, 180, 0), 10, 1, 6, "ScaleDownLimit"),
                rate("scaleDown with previous events preventing further scale down", NONE, events(120, 10, 10, 10), 1, 1000, null, rules(0, 0, 10, 120, 300),
                        100, 0, 100, "ScaleDownLimit"),
                rate("scaleDown with with previous events still allowing more scale down", NONE, events(120, 10, 10, 10), 1, 1000, null,
                        rules(0, 0, 1000, 120, 300), 10, 5, 5, "DesiredWithinRange"),
                rate("check 'outdated' flag for events for one behavior for up", events(120, 8, 12, 9, 11), NONE, 1, 1000, rules(1000, 60, 0, 0, 0), null,
                        100, 200, 200, "DesiredWithinRange"),
                rate("check that events were not marked 'outdated' for two different policies in the behavior for up", events(120, 8, 12, 9, 11), NONE, 1,
                        1000, rules(1000, 120, 100, 60, 0), null, 100, 200, 200, "DesiredWithinRange"),
                rate("check that events were marked 'outdated' for two different policies in the behavior for up", events(120, 8, 12, 9, 11), NONE, 1, 1000,
                        rules(1000, 30, 100, 60, 0), null, 100, 200, 200, "DesiredWithinRange"),
                rate("check 'outdated' flag for events for one behavior for down", NONE, events(120, 8, 12, 9, 11), 1, 1000, null, rules(1000, 60, 0, 0, 300),
                        100, 5, 5, "DesiredWithinRange"),
                rate("check that events were not marked 'outdated' for two different policies in the behavior for down", NONE, events(120, 8, 12, 9, 11), 1,
                        1000, null, rules(1000, 120, 100, 60, 300), 100, 5, 5, "DesiredWithinRange"),
                rate("check that events were marked 'outdated' for two different policies in the behavior for down", NONE, events(120, 8, 12, 9, 11), 1, 1000,
                        null, rules(1000, 30, 100, 60, 300), 100, 5, 5, "DesiredWithinRange"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalingWithRules")
    void limitsTheRateAsUpstreamDoes(RateCase tc) {
        ScaleHistory h = new ScaleHistory(List.of(), tc.up(), tc.down());
        ReplicaNormalizer.Limit l = ReplicaNormalizer.convertWithBehaviorRate(h, defaulted(tc.upRules(), ScalingRules.DEFAULT_SCALE_UP),
                defaulted(tc.downRules(), ScalingRules.DEFAULT_SCALE_DOWN), tc.current(), tc.prenormalized(), tc.min(), tc.max(), NOW);
        assertThat(l.replicas()).as("replicas").isEqualTo(tc.expected());
        assertThat(l.reason()).as("condition").isEqualTo(tc.condition());
    }

    record StoreCase(String name, int change, List<ScaleEvent> previous, List<ScaleEvent> expected, ScalingRules rules, int expectedChange) {
    }

    static ScaleEvent ago(int change, int seconds) {
        return new ScaleEvent(change, NOW - seconds * 1000L, false);
    }

    static ScaleEvent now(int change, boolean outdated) {
        return new ScaleEvent(change, NOW, outdated);
    }

    static Stream<Arguments> storeScaleEvents() {
        return Stream.of(
                new StoreCase("empty entries with default behavior", 5, List.of(), List.of(), null, 0),
                new StoreCase("empty entries with two-policy-behavior", 5, List.of(), List.of(now(5, false)), rules(10, 60, 100, 60, 0), 0),
                new StoreCase("one outdated entry to be kept untouched without behavior", 5, List.of(ago(7, 61)), List.of(now(7, false)), null, 0),
                new StoreCase("one outdated entry to be replaced with behavior", 5, List.of(ago(7, 61)), List.of(now(5, false)), rules(10, 60, 100, 60, 0), 0),
                new StoreCase("one actual entry to be not touched with behavior", 5, List.of(ago(7, 58)), List.of(now(7, false), now(5, false)),
                        rules(10, 60, 100, 60, 0), 7),
                new StoreCase("two entries, one of them to be replaced", 5, List.of(ago(7, 61), ago(6, 59)), List.of(now(5, false), now(6, false)),
                        rules(10, 60, 0, 0, 0), 6),
                new StoreCase("replace one entry, use policies with different periods", 5, List.of(ago(8, 29), ago(6, 59), ago(7, 61), ago(9, 61)),
                        List.of(now(8, false), now(6, false), now(7, true), now(5, false)), rules(10, 60, 100, 30, 0), 14),
                new StoreCase("two entries, both actual", 5, List.of(ago(7, 58), ago(6, 59)), List.of(now(7, false), now(6, false), now(5, false)),
                        rules(10, 120, 100, 30, 0), 13)).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storeScaleEvents")
    void storesScaleEventsAsUpstreamDoes(StoreCase tc) {
        ScaleHistory up = new ScaleHistory(List.of(), tc.previous(), List.of());
        assertThat(ReplicaNormalizer.changeInPeriod(60, up.scaleUpEvents, NOW)).isEqualTo(tc.expectedChange());
        ReplicaNormalizer.storeScaleEvent(up, tc.rules(), null, 10, 10 + tc.change(), NOW);
        assertEvents(up.scaleUpEvents(), tc.expected());
        ScaleHistory down = new ScaleHistory(List.of(), List.of(), tc.previous());
        assertThat(ReplicaNormalizer.changeInPeriod(60, down.scaleDownEvents, NOW)).isEqualTo(tc.expectedChange());
        ReplicaNormalizer.storeScaleEvent(down, null, tc.rules(), 10, 10 - tc.change(), NOW);
        assertEvents(down.scaleDownEvents(), tc.expected());
    }

    /** Upstream compares the change and the outdated flag of each stored event. */
    private static void assertEvents(List<ScaleEvent> got, List<ScaleEvent> expected) {
        assertThat(got).hasSameSizeAs(expected);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i).replicaChange()).as("replicaChange at %d", i).isEqualTo(expected.get(i).replicaChange());
            assertThat(got.get(i).outdated()).as("outdated at %d", i).isEqualTo(expected.get(i).outdated());
        }
    }

    record StabilizeCase(String name, List<Recommendation> recommendations, int current, int prenormalized, int expected, List<Integer> expectedStored,
                         int upWindow, int downWindow) {
    }

    static Recommendation rec(int replicas, int minutesAgo) {
        return new Recommendation(replicas, NOW - Duration.ofMinutes(minutesAgo).toMillis());
    }

    static Stream<Arguments> normalizeWithBehavior() {
        return Stream.of(
                new StabilizeCase("empty recommendations for scaling down", List.of(), 100, 5, 5, List.of(5), 0, 0),
                new StabilizeCase("simple scale down stabilization", List.of(rec(4, 2), rec(5, 1)), 100, 3, 5, List.of(4, 5, 3), 0, 180),
                new StabilizeCase("simple scale up stabilization", List.of(rec(4, 2), rec(5, 1)), 1, 7, 4, List.of(4, 5, 7), 300, 0),
                new StabilizeCase("no scale down stabilization", List.of(rec(1, 2), rec(2, 1)), 100, 3, 3, List.of(1, 2, 3), 300, 0),
                new StabilizeCase("no scale up stabilization", List.of(rec(4, 2), rec(5, 1)), 1, 3, 3, List.of(4, 5, 3), 0, 300),
                new StabilizeCase("no scale down stabilization, reuse recommendation element", List.of(rec(10, 10), rec(9, 9)), 100, 3, 3, List.of(10, 3), 0, 0),
                new StabilizeCase("no scale up stabilization, reuse recommendation element", List.of(rec(10, 10), rec(9, 9)), 1, 100, 100, List.of(10, 100), 0,
                        0),
                new StabilizeCase("scale down stabilization, reuse one of obsolete recommendation element", List.of(rec(10, 10), rec(4, 1), rec(5, 2), rec(9, 9)),
                        100, 3, 5, List.of(10, 4, 5, 3), 0, 180),
                new StabilizeCase("scale up stabilization, reuse one of obsolete recommendation element", List.of(rec(10, 100), rec(6, 1), rec(5, 2), rec(9, 3)),
                        1, 100, 5, List.of(100, 6, 5, 9), 300, 0),
                new StabilizeCase("scale up and down stabilization, do not scale up when prenormalized rec goes down", List.of(rec(2, 100), rec(3, 3)), 2, 1, 2,
                        null, 300, 300),
                new StabilizeCase("scale up and down stabilization, do not scale down when prenormalized rec goes up", List.of(rec(2, 100), rec(1, 3)), 2, 3, 2,
                        null, 300, 300)).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalizeWithBehavior")
    void stabilizesAsUpstreamDoes(StabilizeCase tc) {
        ScaleHistory h = new ScaleHistory(tc.recommendations(), List.of(), List.of());
        ReplicaNormalizer.Limit l = ReplicaNormalizer.stabilizeWithBehaviors(h, new ScalingRules(tc.upWindow(), ScalingRules.MAX, List.of()),
                new ScalingRules(tc.downWindow(), ScalingRules.MAX, List.of()), tc.current(), tc.prenormalized(), NOW);
        assertThat(l.replicas()).isEqualTo(tc.expected());
        if (tc.expectedStored() != null) {
            assertThat(h.recommendations().stream().map(Recommendation::replicas).toList()).isEqualTo(tc.expectedStored());
        }
    }
}
