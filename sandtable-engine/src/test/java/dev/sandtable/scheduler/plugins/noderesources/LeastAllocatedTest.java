package dev.sandtable.scheduler.plugins.noderesources;

import static dev.sandtable.scheduler.TestObjects.node;
import static dev.sandtable.scheduler.TestObjects.pod;
import static dev.sandtable.scheduler.TestObjects.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.TestObjects.PodMaker;
import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ported from kube-scheduler pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go
 * (TestLeastAllocatedScoringStrategy) with the default resources (cpu and memory, weight 1 each). Quantities
 * such as "cpu": "4000" are whole cores, exactly as upstream's st.MakeNode().Capacity writes them.
 * Not ported: cases that configure scoring resources or weights (see docs/fidelity-scheduler-tables.md).
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
        List<Pod> pods = existing.stream().map(PodMaker::obj).toList();
        List<NodeInfo> infos = snapshot(pods, nodes);
        var p = pod.info();
        long[] got = new long[infos.size()];
        for (int i = 0; i < got.length; i++) {
            got[i] = plugin.score(new CycleState(), p, infos.get(i));
        }
        assertThat(got).containsExactly(want);
    }
}
