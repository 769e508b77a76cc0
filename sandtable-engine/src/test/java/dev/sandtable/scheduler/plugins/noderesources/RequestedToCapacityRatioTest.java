package dev.sandtable.scheduler.plugins.noderesources;

import static dev.sandtable.scheduler.TestObjects.node;
import static dev.sandtable.scheduler.TestObjects.pod;
import static dev.sandtable.scheduler.plugins.noderesources.ScoreRows.DEFAULT_RESOURCES;
import static dev.sandtable.scheduler.plugins.noderesources.ScoreRows.rawScores;
import static dev.sandtable.scheduler.plugins.noderesources.ScoreRows.rw;
import static dev.sandtable.scheduler.plugins.noderesources.ScoreRows.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandtable.scheduler.TestObjects.PodMaker;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ported from kube-scheduler pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio_test.go:
 * TestRequestedToCapacityRatioScoringStrategy, TestBrokenLinearFunction, TestResourceBinPackingSingleExtended and
 * TestResourceBinPackingMultipleExtended. Case names are upstream's (including a trailing space in two of them).
 */
class RequestedToCapacityRatioTest {

    // ---- TestRequestedToCapacityRatioScoringStrategy: shape {0, 10}, {100, 0}, cpu and memory ----

    private static Node n(String name, String cpu, String memory) {
        return node(name).capacity("cpu", cpu, "memory", memory).obj();
    }

    static Stream<Arguments> scoringStrategy() {
        PodMaker threeAndFive = pod().req("cpu", "1000", "memory", "2000").req("cpu", "2000", "memory", "3000");
        return Stream.of(
                Arguments.of("nothing scheduled, nothing requested (default - least requested nodes have priority)", pod(),
                        List.of(n("node1", "4000", "10000"), n("node2", "4000", "10000")),
                        List.of(pod().node("node1"), pod().node("node1")), new long[] {100, 100}),
                Arguments.of("nothing scheduled, resources requested, differently sized nodes (default - least requested nodes have priority)",
                        threeAndFive, List.of(n("node1", "4000", "10000"), n("node2", "6000", "10000")),
                        List.of(pod().node("node1"), pod().node("node1")), new long[] {38, 50}),
                Arguments.of("no resources requested, pods scheduled with resources (default - least requested nodes have priority)", pod(),
                        List.of(n("node1", "4000", "10000"), n("node2", "6000", "10000")),
                        List.of(pod().node("node1").req("cpu", "3000", "memory", "5000"), pod().node("node2").req("cpu", "3000", "memory", "5000")),
                        new long[] {38, 50}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoringStrategy")
    void requestedToCapacityRatioScoringStrategy(String name, PodMaker pod, List<Node> nodes, List<PodMaker> existing, long[] want) {
        Fit fit = new Fit(new ScoringStrategy(ScoringStrategy.Type.REQUESTED_TO_CAPACITY_RATIO, DEFAULT_RESOURCES, shape(0, 10, 100, 0)));
        assertThat(rawScores(fit, pod, nodes, existing)).containsExactly(want);
    }

    // ---- TestBrokenLinearFunction: the raw function over unscaled points, one row per assertion ----

    static Stream<Arguments> brokenLinearFunction() {
        List<Arguments> rows = new ArrayList<>();
        add(rows, "case_0", shape(10, 1, 90, 9),
                -10, 1, 0, 1, 9, 1, 10, 1, 15, 1, 19, 1, 20, 2, 89, 8, 90, 9, 99, 9, 100, 9, 110, 9);
        add(rows, "case_1", shape(0, 2, 40, 10, 100, 0),
                -10, 2, 0, 2, 20, 6, 30, 8, 40, 10, 70, 5, 100, 0, 110, 0);
        add(rows, "case_2", shape(0, 2, 40, 2, 100, 2),
                -10, 2, 0, 2, 20, 2, 30, 2, 40, 2, 70, 2, 100, 2, 110, 2);
        return rows.stream();
    }

    private static void add(List<Arguments> rows, String name, List<ScoringStrategy.UtilizationShapePoint> points, long... pExpected) {
        for (int i = 0; i < pExpected.length; i += 2) {
            rows.add(Arguments.of(name, points, pExpected[i], pExpected[i + 1]));
        }
    }

    @ParameterizedTest(name = "{0} p={2}")
    @MethodSource("brokenLinearFunction")
    void brokenLinearFunction(String name, List<ScoringStrategy.UtilizationShapePoint> points, long p, long expected) {
        assertThat(ScoringStrategy.brokenLinear(points, p)).isEqualTo(expected);
    }

    // ---- TestResourceBinPackingSingleExtended / MultipleExtended: shape {0, 0}, {100, 1} ----

    /** Upstream's makeNode(name, milliCPU, memory, extendedResource). */
    private static Node makeNode(String name, long milliCpu, long memory, String... extended) {
        List<String> capacity = new ArrayList<>(List.of("cpu", milliCpu + "m", "memory", String.valueOf(memory)));
        capacity.addAll(List.of(extended));
        return node(name).capacity(capacity.toArray(String[]::new)).obj();
    }

    private static final long MEMORY = 10000L * 1024 * 1024;

    static Stream<Arguments> singleExtended() {
        List<Node> nodes = List.of(makeNode("node1", 4000, MEMORY, "intel.com/foo", "8"), makeNode("node2", 4000, MEMORY, "intel.com/foo", "4"));
        return Stream.of(
                Arguments.of("nothing scheduled, nothing requested", pod(), nodes, List.of(), new long[] {0, 0}),
                Arguments.of("resources requested, pods scheduled with less resources", pod().req("intel.com/foo", "2"), nodes,
                        List.of(pod()), new long[] {2, 5}),
                Arguments.of("resources requested, pods scheduled with resources, on node with existing pod running ",
                        pod().req("intel.com/foo", "2"), nodes, List.of(pod().req("intel.com/foo", "2").node("node2")), new long[] {2, 10}),
                Arguments.of("resources requested, pods scheduled with more resources", pod().req("intel.com/foo", "4"), nodes,
                        List.of(pod()), new long[] {5, 10}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleExtended")
    void resourceBinPackingSingleExtended(String name, PodMaker pod, List<Node> nodes, List<PodMaker> existing, long[] want) {
        Fit fit = new Fit(new ScoringStrategy(ScoringStrategy.Type.REQUESTED_TO_CAPACITY_RATIO, rw("intel.com/foo", 1), shape(0, 0, 100, 1)));
        assertThat(rawScores(fit, pod, nodes, existing)).containsExactly(want);
    }

    static Stream<Arguments> multipleExtended() {
        List<Node> nodes = List.of(makeNode("node1", 4000, MEMORY, "intel.com/foo", "8", "intel.com/bar", "4"),
                makeNode("node2", 4000, MEMORY, "intel.com/foo", "4", "intel.com/bar", "8"));
        return Stream.of(
                Arguments.of("nothing scheduled, nothing requested", pod(), nodes, List.of(), new long[] {0, 0}),
                Arguments.of("resources requested, pods scheduled with less resources", pod().req("intel.com/foo", "2", "intel.com/bar", "2"),
                        nodes, List.of(pod()), new long[] {4, 3}),
                Arguments.of("resources requested, pods scheduled with resources, on node with existing pod running ",
                        pod().req("intel.com/foo", "2", "intel.com/bar", "2"), nodes,
                        List.of(pod().req("intel.com/foo", "4", "intel.com/bar", "2").node("node2")), new long[] {4, 7}),
                Arguments.of("resources requested, pods scheduled with more resources", pod().req("intel.com/foo", "4", "intel.com/bar", "2"),
                        nodes, List.of(pod()), new long[] {5, 5}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("multipleExtended")
    void resourceBinPackingMultipleExtended(String name, PodMaker pod, List<Node> nodes, List<PodMaker> existing, long[] want) {
        Fit fit = new Fit(new ScoringStrategy(ScoringStrategy.Type.REQUESTED_TO_CAPACITY_RATIO,
                rw("intel.com/foo", 3, "intel.com/bar", 5), shape(0, 0, 100, 1)));
        assertThat(rawScores(fit, pod, nodes, existing)).containsExactly(want);
    }

    // ---- Sandtable's own: the shape checks of validateFunctionShape (v1.31 messages), as NewFit reports them ----

    static Stream<Arguments> invalidShapes() {
        return Stream.of(
                Arguments.of("empty shape", shape(), "scoringStrategy.shape: Required value: at least one point must be specified"),
                Arguments.of("no shape at all", null, "scoringStrategy.shape: Required value: at least one point must be specified"),
                Arguments.of("unsorted utilization", shape(10, 1, 10, 2),
                        "scoringStrategy.shape[1].utilization: Invalid value: 10: utilization values must be sorted in increasing order"),
                Arguments.of("utilization and score out of range", shape(0, 11, 101, 0),
                        "[scoringStrategy.shape[0].score: Invalid value: 11: not in valid range [0, 10], "
                                + "scoringStrategy.shape[1].utilization: Invalid value: 101: not in valid range [0, 100]]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidShapes")
    void invalidShape(String name, List<ScoringStrategy.UtilizationShapePoint> points, String wantError) {
        assertThatThrownBy(() -> new Fit(new ScoringStrategy(ScoringStrategy.Type.REQUESTED_TO_CAPACITY_RATIO, DEFAULT_RESOURCES, points)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(wantError);
    }
}
