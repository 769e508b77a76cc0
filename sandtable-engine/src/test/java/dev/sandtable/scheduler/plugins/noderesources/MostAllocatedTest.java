package dev.sandtable.scheduler.plugins.noderesources;

import static dev.sandtable.scheduler.TestObjects.node;
import static dev.sandtable.scheduler.TestObjects.pod;
import static dev.sandtable.scheduler.plugins.noderesources.ScoreRows.DEFAULT_RESOURCES;
import static dev.sandtable.scheduler.plugins.noderesources.ScoreRows.EXTENDED_RES;
import static dev.sandtable.scheduler.plugins.noderesources.ScoreRows.EXTENDED_RESOURCE_SET;
import static dev.sandtable.scheduler.plugins.noderesources.ScoreRows.rawScores;
import static dev.sandtable.scheduler.plugins.noderesources.ScoreRows.rw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandtable.scheduler.TestObjects.PodMaker;
import io.fabric8.kubernetes.api.model.Node;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ported from kube-scheduler pkg/scheduler/framework/plugins/noderesources/most_allocated_test.go
 * (TestMostAllocatedScoringStrategy): NodeResourcesFit with the MostAllocated strategy and the row's resources.
 * Quantities such as "cpu": "4000" are whole cores, as upstream's st.MakeNode().Capacity writes them.
 */
class MostAllocatedTest {

    private static Node n(String name, String... capacity) {
        return node(name).capacity(capacity).obj();
    }

    private static PodMaker threeAndFive() {
        return pod().req("cpu", "1000", "memory", "2000").req("cpu", "2000", "memory", "3000");
    }

    static Stream<Arguments> scores() {
        return Stream.of(
                Arguments.of("nothing scheduled, nothing requested", pod(),
                        List.of(n("node1", "cpu", "4000", "memory", "10000"), n("node2", "cpu", "4000", "memory", "10000")),
                        List.of(), DEFAULT_RESOURCES, new long[] {0, 0}),
                Arguments.of("nothing scheduled, resources requested, differently sized nodes", threeAndFive(),
                        List.of(n("node1", "cpu", "4000", "memory", "10000"), n("node2", "cpu", "6000", "memory", "10000")),
                        List.of(), DEFAULT_RESOURCES, new long[] {62, 50}),
                // Upstream's Score also returns an Error status ("resources not found"); Sandtable has no Score
                // error path, and v1.31 defaulting never leaves the resources empty.
                Arguments.of("Resources not set, pods scheduled with error", threeAndFive(),
                        List.of(n("node1", "cpu", "4000", "memory", "10000"), n("node2", "cpu", "6000", "memory", "10000")),
                        List.of(), List.of(), new long[] {0, 0}),
                Arguments.of("no resources requested, pods scheduled with resources", pod(),
                        List.of(n("node1", "cpu", "10000", "memory", "20000"), n("node2", "cpu", "10000", "memory", "20000")),
                        List.of(pod().node("node1").req("cpu", "3000", "memory", "0"),
                                pod().node("node1").req("cpu", "3000", "memory", "0"),
                                pod().node("node2").req("cpu", "3000", "memory", "0"),
                                pod().node("node2").req("cpu", "3000", "memory", "5000")),
                        DEFAULT_RESOURCES, new long[] {30, 42}),
                Arguments.of("resources requested, pods scheduled with resources", threeAndFive(),
                        List.of(n("node1", "cpu", "10000", "memory", "20000"), n("node2", "cpu", "10000", "memory", "20000")),
                        List.of(pod().node("node1").req("cpu", "3000", "memory", "0"),
                                pod().node("node2").req("cpu", "3000", "memory", "5000")),
                        DEFAULT_RESOURCES, new long[] {42, 55}),
                Arguments.of("resources requested equal node capacity",
                        pod().req("cpu", "2000", "memory", "4000").req("cpu", "3000", "memory", "5000"),
                        List.of(n("node1", "cpu", "5000", "memory", "10000"), n("node2", "cpu", "10000", "memory", "9000")),
                        List.of(), DEFAULT_RESOURCES, new long[] {95, 75}),
                // Upstream reuses the name of the second row for this weighted one.
                Arguments.of("nothing scheduled, resources requested, differently sized nodes", threeAndFive(),
                        List.of(n("node1", "cpu", "4000", "memory", "10000"), n("node2", "cpu", "6000", "memory", "10000")),
                        List.of(), rw("memory", 2, "cpu", 1), new long[] {58, 50}),
                Arguments.of("no resources requested, pods scheduled, nonzero request for resource", pod().container(),
                        List.of(n("node1", "cpu", "250m", "memory", "1000Mi"), n("node2", "cpu", "250m", "memory", "1000Mi")),
                        List.of(pod().node("node1").container(), pod().node("node1").container()),
                        DEFAULT_RESOURCES, new long[] {80, 30}),
                Arguments.of("bypass extended resource if the pod does not request", threeAndFive(),
                        List.of(n("node1", "cpu", "6000", "memory", "10000"), n("node2", "cpu", "6000", "memory", "10000", EXTENDED_RES, "4")),
                        List.of(), EXTENDED_RESOURCE_SET, new long[] {50, 50}),
                Arguments.of("honor extended resource if the pod request",
                        pod().node("node1").req("cpu", "3000", "memory", "5000", EXTENDED_RES, "2"),
                        List.of(n("node1", "cpu", "6000", "memory", "10000", EXTENDED_RES, "4"),
                                n("node2", "cpu", "6000", "memory", "10000", EXTENDED_RES, "10")),
                        List.of(), EXTENDED_RESOURCE_SET, new long[] {50, 40}),
                Arguments.of("if the node doesn't have a resource", pod().node("node1").req("cpu", "3000", "memory", "4000"),
                        List.of(n("node1", "cpu", "6000", "memory", "10000"), n("node2", "cpu", "6000", "memory", "10000", EXTENDED_RES, "4")),
                        List.of(), rw(EXTENDED_RES, 2, "cpu", 1, "memory", 1), new long[] {45, 45}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scores")
    void mostAllocated(String name, PodMaker pod, List<Node> nodes, List<PodMaker> existing,
                       List<ScoringStrategy.ResourceWeight> resources, long[] want) {
        Fit plugin = new Fit(new ScoringStrategy(ScoringStrategy.Type.MOST_ALLOCATED, resources, null));
        assertThat(rawScores(plugin, pod, nodes, existing)).containsExactly(want);
    }

    /** The rows whose args NewFit rejects; upstream compares field and type, Sandtable the whole field error. */
    static Stream<Arguments> invalidArgs() {
        return Stream.of(
                Arguments.of("resource with negative weight", rw("memory", -1, "cpu", 1),
                        "scoringStrategy.resources[0].weight: Invalid value: -1: resource weight of memory not in valid range (0, 100]"),
                Arguments.of("resource with zero weight", rw("memory", 1, "cpu", 0),
                        "scoringStrategy.resources[1].weight: Invalid value: 0: resource weight of cpu not in valid range (0, 100]"),
                Arguments.of("resource weight larger than MaxNodeScore", rw("memory", 101),
                        "scoringStrategy.resources[0].weight: Invalid value: 101: resource weight of memory not in valid range (0, 100]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidArgs")
    void mostAllocatedInvalidArgs(String name, List<ScoringStrategy.ResourceWeight> resources, String wantError) {
        assertThatThrownBy(() -> new Fit(new ScoringStrategy(ScoringStrategy.Type.MOST_ALLOCATED, resources, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(wantError);
    }
}
