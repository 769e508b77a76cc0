package dev.sandtable.scheduler.plugins.noderesources;

import static dev.sandtable.scheduler.TestObjects.node;
import static dev.sandtable.scheduler.TestObjects.pod;
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
 * Ported from kube-scheduler pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go
 * (TestLeastAllocatedScoringStrategy). {@code cases} are the rows with the default resources (cpu and memory, weight
 * 1 each); {@code configuredCases} and {@code invalidArgs} are the rows that configure the strategy's resources and
 * weights. Quantities such as "cpu": "4000" are whole cores, exactly as upstream's st.MakeNode().Capacity writes them.
 */
class LeastAllocatedTest {
    private final Fit plugin = new Fit();

    private static Node n(String name, String cpu, String memory) {
        return cpu == null ? node(name).obj() : node(name).capacity("cpu", cpu, "memory", memory).obj();
    }

    private static PodMaker threeAndFive() {
        return pod().req("cpu", "1000", "memory", "2000").req("cpu", "2000", "memory", "3000");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("nothing scheduled, nothing requested", pod(),
                        List.of(n("node1", "4000", "10000"), n("node2", "4000", "10000")), List.of(), new long[] {100, 100}),
                Arguments.of("nothing scheduled, resources requested, differently sized nodes", threeAndFive(),
                        List.of(n("node1", "4000", "10000"), n("node2", "6000", "10000")), List.of(), new long[] {37, 50}),
                Arguments.of("no resources requested, pods scheduled", pod(),
                        List.of(n("node1", "4000", "10000"), n("node2", "4000", "10000")),
                        List.of(pod().node("node1"), pod().node("node1"), pod().node("node2"), pod().node("node2")),
                        new long[] {100, 100}),
                Arguments.of("no resources requested, pods scheduled with resources", pod(),
                        List.of(n("node1", "10000", "20000"), n("node2", "10000", "20000")),
                        List.of(pod().node("node1").req("cpu", "3000", "memory", "0"),
                                pod().node("node1").req("cpu", "3000", "memory", "0"),
                                pod().node("node2").req("cpu", "3000", "memory", "0"),
                                pod().node("node2").req("cpu", "3000", "memory", "5000")),
                        new long[] {70, 57}),
                Arguments.of("resources requested, pods scheduled with resources", threeAndFive(),
                        List.of(n("node1", "10000", "20000"), n("node2", "10000", "20000")),
                        List.of(pod().node("node1").req("cpu", "3000", "memory", "0"),
                                pod().node("node2").req("cpu", "3000", "memory", "5000")),
                        new long[] {57, 45}),
                Arguments.of("resources requested, pods scheduled with resources, differently sized nodes", threeAndFive(),
                        List.of(n("node1", "10000", "20000"), n("node2", "10000", "50000")),
                        List.of(pod().node("node1").req("cpu", "3000", "memory", "0"),
                                pod().node("node2").req("cpu", "3000", "memory", "5000")),
                        new long[] {57, 60}),
                Arguments.of("requested resources exceed node capacity", pod().req("cpu", "3000", "memory", "0"),
                        List.of(n("node1", "4000", "10000"), n("node2", "4000", "10000")),
                        List.of(pod().node("node1").req("cpu", "3000", "memory", "0"),
                                pod().node("node2").req("cpu", "3000", "memory", "5000")),
                        new long[] {50, 25}),
                Arguments.of("zero node resources, pods scheduled with resources", pod(),
                        List.of(n("node1", null, null), n("node2", null, null)),
                        List.of(pod().node("node1").req("cpu", "3000", "memory", "0"),
                                pod().node("node2").req("cpu", "3000", "memory", "5000")),
                        new long[] {0, 0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void leastAllocated(String name, PodMaker pod, List<Node> nodes, List<PodMaker> existing, long[] want) {
        assertThat(rawScores(plugin, pod, nodes, existing)).containsExactly(want);
    }

    private static Node withCapacity(String name, String... capacity) {
        return node(name).capacity(capacity).obj();
    }

    static Stream<Arguments> configuredCases() {
        return Stream.of(
                // Upstream's Score also returns an Error status ("resources not found"); Sandtable has no Score
                // error path, and v1.31 defaulting never leaves the resources empty.
                Arguments.of("Resources not set, pods scheduled with error", threeAndFive(),
                        List.of(n("node1", "4000", "10000"), n("node2", "6000", "10000")), List.of(), List.of(), new long[] {0, 0}),
                Arguments.of("nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes",
                        threeAndFive().node("node1"), List.of(n("node1", "4000", "10000"), n("node2", "6000", "10000")), List.of(),
                        rw("memory", 2, "cpu", 1), new long[] {41, 50}),
                Arguments.of("bypass extended resource if the pod does not request", threeAndFive().node("node1"),
                        List.of(withCapacity("node1", "cpu", "6000", "memory", "10000"), withCapacity("node2", "cpu", "6000", "memory", "10000", EXTENDED_RES, "4")),
                        List.of(), EXTENDED_RESOURCE_SET, new long[] {50, 50}),
                Arguments.of("honor extended resource if the pod requests",
                        pod().node("node1").req("cpu", "3000", "memory", "5000", EXTENDED_RES, "2"),
                        List.of(withCapacity("node1", "cpu", "6000", "memory", "10000", EXTENDED_RES, "4"),
                                withCapacity("node2", "cpu", "6000", "memory", "10000", EXTENDED_RES, "10")),
                        List.of(), EXTENDED_RESOURCE_SET, new long[] {50, 60}),
                Arguments.of("if the node doesn't have a resource", pod().node("node1").req("cpu", "3000", "memory", "4000"),
                        List.of(withCapacity("node1", "cpu", "6000", "memory", "10000"), withCapacity("node2", "cpu", "6000", "memory", "10000", EXTENDED_RES, "4")),
                        List.of(), rw(EXTENDED_RES, 2, "cpu", 1, "memory", 1), new long[] {55, 55}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configuredCases")
    void leastAllocatedWithResources(String name, PodMaker pod, List<Node> nodes, List<PodMaker> existing,
                                     List<ScoringStrategy.ResourceWeight> resources, long[] want) {
        Fit fit = new Fit(new ScoringStrategy(ScoringStrategy.Type.LEAST_ALLOCATED, resources, null));
        assertThat(rawScores(fit, pod, nodes, existing)).containsExactly(want);
    }

    /** The rows whose args NewFit rejects; upstream compares field and type, Sandtable the whole field error. */
    static Stream<Arguments> invalidArgs() {
        return Stream.of(
                Arguments.of("resource with negative weight", rw("memory", -1, "cpu", 1),
                        "scoringStrategy.resources[0].weight: Invalid value: -1: resource weight of memory not in valid range (0, 100]"),
                Arguments.of("resource with zero weight", rw("memory", 1, "cpu", 0),
                        "scoringStrategy.resources[1].weight: Invalid value: 0: resource weight of cpu not in valid range (0, 100]"),
                Arguments.of("resource weight larger than MaxNodeScore", rw("memory", 1, "cpu", 101),
                        "scoringStrategy.resources[1].weight: Invalid value: 101: resource weight of cpu not in valid range (0, 100]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidArgs")
    void leastAllocatedInvalidArgs(String name, List<ScoringStrategy.ResourceWeight> resources, String wantError) {
        assertThatThrownBy(() -> new Fit(new ScoringStrategy(ScoringStrategy.Type.LEAST_ALLOCATED, resources, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(wantError);
    }
}
