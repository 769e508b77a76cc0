package dev.sandtable.scheduler.plugins.noderesources;

import static dev.sandtable.scheduler.TestObjects.node;
import static dev.sandtable.scheduler.TestObjects.pod;
import static dev.sandtable.scheduler.plugins.noderesources.ScoreRows.rawScores;
import static dev.sandtable.scheduler.plugins.noderesources.ScoreRows.rw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.TestObjects.PodMaker;
import io.fabric8.kubernetes.api.model.Node;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ported from kube-scheduler pkg/scheduler/framework/plugins/noderesources/balanced_allocation_test.go
 * (TestNodeResourcesBalancedAllocation, the table as it stood before the v1.33 best-effort PreScore skip) with
 * the default resources (cpu and memory) in {@code cases}, and the rows that configure the resources (a scalar
 * resource) in {@code configuredCases}. Node sizes are milli-cpu and bytes, as upstream's makeNode takes them.
 */
class BalancedAllocationTest {
    private final BalancedAllocation plugin = new BalancedAllocation();

    private static Node n(String name, long milliCpu, long memory) {
        return node(name).capacity("cpu", milliCpu + "m", "memory", String.valueOf(memory)).obj();
    }

    /** Upstream's cpuOnly spec: 1000m + 2000m cpu, memory written as "0", on the given node. */
    private static PodMaker cpuOnly(String nodeName) {
        return pod().node(nodeName).req("cpu", "1000m", "memory", "0").req("cpu", "2000m", "memory", "0");
    }

    /** Upstream's cpuAndMemory spec: 1000m/2000 + 2000m/3000, on node2. */
    private static PodMaker cpuAndMemory() {
        return pod().node("node2").req("cpu", "1000m", "memory", "2000").req("cpu", "2000m", "memory", "3000");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("nothing scheduled, nothing requested", pod(),
                        List.of(n("node1", 4000, 10000), n("node2", 4000, 10000)), List.of(), new long[] {100, 100}),
                Arguments.of("nothing scheduled, resources requested, differently sized nodes", cpuAndMemory(),
                        List.of(n("node1", 4000, 10000), n("node2", 6000, 10000)), List.of(), new long[] {87, 100}),
                Arguments.of("no resources requested, pods without container scheduled", pod(),
                        List.of(n("node1", 4000, 10000), n("node2", 4000, 10000)),
                        List.of(pod().node("node1"), pod().node("node1"), pod().node("node2"), pod().node("node2")),
                        new long[] {100, 100}),
                Arguments.of("no resources requested, pods with container scheduled", pod(),
                        List.of(n("node1", 250, 1000L * 1024 * 1024), n("node2", 250, 1000L * 1024 * 1024)),
                        List.of(pod().node("node1"), pod().node("node1")), new long[] {100, 100}),
                Arguments.of("no resources requested, pods scheduled with resources", pod(),
                        List.of(n("node1", 10000, 20000), n("node2", 10000, 20000)),
                        List.of(cpuOnly("node1"), cpuOnly("node1"), cpuOnly("node2"), cpuAndMemory()),
                        new long[] {70, 82}),
                Arguments.of("resources requested, pods scheduled with resources", cpuAndMemory(),
                        List.of(n("node1", 10000, 20000), n("node2", 10000, 20000)),
                        List.of(cpuOnly("node1"), cpuAndMemory()), new long[] {82, 95}),
                Arguments.of("resources requested, pods scheduled with resources, differently sized nodes", cpuAndMemory(),
                        List.of(n("node1", 10000, 20000), n("node2", 10000, 50000)),
                        List.of(cpuOnly("node1"), cpuAndMemory()), new long[] {82, 80}),
                Arguments.of("requested resources at node capacity", cpuOnly("node1"),
                        List.of(n("node1", 6000, 10000), n("node2", 6000, 10000)),
                        List.of(cpuOnly("node1"), cpuAndMemory()), new long[] {50, 75}),
                Arguments.of("zero node resources, pods scheduled with resources", pod(),
                        List.of(n("node1", 0, 0), n("node2", 0, 0)),
                        List.of(cpuOnly("node1"), cpuAndMemory()), new long[] {100, 100}),
                Arguments.of("resources requested, pods scheduled with resources if PreScore not called", cpuAndMemory(),
                        List.of(n("node1", 10000, 20000), n("node2", 10000, 20000)),
                        List.of(cpuOnly("node1"), cpuAndMemory()), new long[] {82, 95}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void balancedAllocation(String name, PodMaker pod, List<Node> nodes, List<PodMaker> existing, long[] want) {
        assertThat(rawScores(plugin, pod, nodes, existing)).containsExactly(want);
    }

    private static Node gpuNode(String name, long milliCpu, long memory) {
        return node(name).capacity("cpu", milliCpu + "m", "memory", String.valueOf(memory), "nvidia.com/gpu", "8").obj();
    }

    /** Upstream's cpuAndMemoryAndGPU spec: 1000m/2000 + 2000m/3000/3 GPUs, on node1. */
    private static PodMaker cpuAndMemoryAndGpu() {
        return pod().node("node1").req("cpu", "1000m", "memory", "2000").req("cpu", "2000m", "memory", "3000", "nvidia.com/gpu", "3");
    }

    static Stream<Arguments> configuredCases() {
        return Stream.of(
                Arguments.of("include scalar resource on a node for balanced resource allocation",
                        pod().req("memory", "0", "nvidia.com/gpu", "1"),
                        List.of(gpuNode("node1", 3500, 40000), gpuNode("node2", 3500, 40000)),
                        List.of(cpuAndMemory(), cpuAndMemoryAndGpu()), rw("cpu", 1, "memory", 1, "nvidia.com/gpu", 1), new long[] {70, 65}),
                Arguments.of("node without the scalar resource results to a higher score", pod(),
                        List.of(gpuNode("node1", 3500, 40000), n("node2", 3500, 40000)),
                        List.of(cpuOnly("node1"), cpuOnly("node2")), rw("cpu", 1, "nvidia.com/gpu", 1), new long[] {100, 100}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configuredCases")
    void balancedAllocationWithResources(String name, PodMaker pod, List<Node> nodes, List<PodMaker> existing,
                                         List<ScoringStrategy.ResourceWeight> resources, long[] want) {
        assertThat(rawScores(new BalancedAllocation(resources), pod, nodes, existing)).containsExactly(want);
    }
}
