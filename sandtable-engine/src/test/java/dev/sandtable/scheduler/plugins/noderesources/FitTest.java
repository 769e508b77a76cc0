package dev.sandtable.scheduler.plugins.noderesources;

import static dev.sandtable.scheduler.TestObjects.node;
import static dev.sandtable.scheduler.TestObjects.pod;
import static dev.sandtable.scheduler.TestObjects.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.TestObjects;
import dev.sandtable.scheduler.TestObjects.PodMaker;
import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.Status;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ported from kube-scheduler v1.31 pkg/scheduler/framework/plugins/noderesources/fit_test.go: TestEnoughRequests,
 * TestNotEnoughRequests, TestStorageRequests, TestRestartableInitContainers (SidecarContainers enabled, its
 * default since v1.29) and TestFitScore. Case names are upstream's.
 */
class FitTest {
    static final String EXT_A = "example.com/aaa";
    static final String EXT_B = "example.com/bbb";
    static final String K8S_IO_A = "kubernetes.io/something";
    static final String K8S_IO_B = "subdomain.kubernetes.io/something";
    static final String HUGE_A = "hugepages-2Mi";

    private final Fit plugin = new Fit();

    /** framework.Resource as upstream's newResourcePod turns it into one container's requests (pods and storage included). */
    record R(long milliCpu, long memory, long ephemeral, Map<String, Long> scalars) {
        static R of(long milliCpu, long memory) {
            return new R(milliCpu, memory, 0, Map.of());
        }

        static R scalar(long milliCpu, long memory, String name, long q) {
            return new R(milliCpu, memory, 0, Map.of(name, q));
        }

        static R storage(long ephemeral) {
            return new R(0, 0, ephemeral, Map.of());
        }

        String[] requests() {
            List<String> kv = new ArrayList<>(List.of("cpu", milliCpu + "m", "memory", String.valueOf(memory), "pods", "0",
                    "ephemeral-storage", String.valueOf(ephemeral)));
            scalars.forEach((k, v) -> {
                kv.add(k);
                kv.add(String.valueOf(v));
            });
            return kv.toArray(String[]::new);
        }
    }

    static PodMaker resourcePod(R... usage) {
        PodMaker p = pod();
        for (R r : usage) {
            p.req(r.requests());
        }
        return p;
    }

    static PodMaker initPod(PodMaker p, R... usage) {
        for (R r : usage) {
            p.init(r.requests());
        }
        return p;
    }

    /** makeAllocatableResources(10, 20, 32, 5, 20, 5): the node every TestEnoughRequests case runs on. */
    static Node standardNode() {
        return node("node").capacity("cpu", "10m", "memory", "20", "pods", "32", EXT_A, "5",
                "ephemeral-storage", "20", HUGE_A, "5").obj();
    }

    private static String insufficient(String resource) {
        return "Insufficient " + resource;
    }

    private static Arguments c(String name, PodMaker pod, PodMaker existing, String... reasons) {
        return Arguments.of(name, pod, existing, List.of(reasons));
    }

    static Stream<Arguments> enoughRequests() {
        Map<String, Long> noScalars = Map.of();
        return Stream.of(
                c("no resources requested always fits", pod(), resourcePod(R.of(10, 20))),
                c("too many resources fails", resourcePod(R.of(1, 1)), resourcePod(R.of(10, 20)),
                        insufficient("cpu"), insufficient("memory")),
                c("too many resources fails due to init container cpu",
                        initPod(resourcePod(R.of(1, 1)), R.of(3, 1)), resourcePod(R.of(8, 19)), insufficient("cpu")),
                c("too many resources fails due to highest init container cpu",
                        initPod(resourcePod(R.of(1, 1)), R.of(3, 1), R.of(2, 1)), resourcePod(R.of(8, 19)), insufficient("cpu")),
                c("too many resources fails due to init container memory",
                        initPod(resourcePod(R.of(1, 1)), R.of(1, 3)), resourcePod(R.of(9, 19)), insufficient("memory")),
                c("too many resources fails due to highest init container memory",
                        initPod(resourcePod(R.of(1, 1)), R.of(1, 3), R.of(1, 2)), resourcePod(R.of(9, 19)), insufficient("memory")),
                c("init container fits because it's the max, not sum, of containers and init containers",
                        initPod(resourcePod(R.of(1, 1)), R.of(1, 1)), resourcePod(R.of(9, 19))),
                c("multiple init containers fit because it's the max, not sum, of containers and init containers",
                        initPod(resourcePod(R.of(1, 1)), R.of(1, 1), R.of(1, 1)), resourcePod(R.of(9, 19))),
                c("both resources fit", resourcePod(R.of(1, 1)), resourcePod(R.of(5, 5))),
                c("one resource memory fits", resourcePod(R.of(2, 1)), resourcePod(R.of(9, 5)), insufficient("cpu")),
                c("one resource cpu fits", resourcePod(R.of(1, 2)), resourcePod(R.of(5, 19)), insufficient("memory")),
                c("equal edge case", resourcePod(R.of(5, 1)), resourcePod(R.of(5, 19))),
                c("equal edge case for init container", initPod(resourcePod(R.of(4, 1)), R.of(5, 1)), resourcePod(R.of(5, 19))),
                c("extended resource fits", resourcePod(new R(0, 0, 0, Map.of(EXT_A, 1L))), resourcePod(new R(0, 0, 0, noScalars))),
                c("extended resource fits for init container",
                        initPod(resourcePod(new R(0, 0, 0, noScalars)), new R(0, 0, 0, Map.of(EXT_A, 1L))), resourcePod(new R(0, 0, 0, noScalars))),
                c("extended resource capacity enforced", resourcePod(R.scalar(1, 1, EXT_A, 10)),
                        resourcePod(R.scalar(0, 0, EXT_A, 0)), insufficient(EXT_A)),
                c("extended resource capacity enforced for init container",
                        initPod(resourcePod(new R(0, 0, 0, noScalars)), R.scalar(1, 1, EXT_A, 10)),
                        resourcePod(R.scalar(0, 0, EXT_A, 0)), insufficient(EXT_A)),
                c("extended resource allocatable enforced", resourcePod(R.scalar(1, 1, EXT_A, 1)),
                        resourcePod(R.scalar(0, 0, EXT_A, 5)), insufficient(EXT_A)),
                c("extended resource allocatable enforced for init container",
                        initPod(resourcePod(new R(0, 0, 0, noScalars)), R.scalar(1, 1, EXT_A, 1)),
                        resourcePod(R.scalar(0, 0, EXT_A, 5)), insufficient(EXT_A)),
                c("extended resource allocatable enforced for multiple containers",
                        resourcePod(R.scalar(1, 1, EXT_A, 3), R.scalar(1, 1, EXT_A, 3)),
                        resourcePod(R.scalar(0, 0, EXT_A, 2)), insufficient(EXT_A)),
                c("extended resource allocatable admits multiple init containers",
                        initPod(resourcePod(new R(0, 0, 0, noScalars)), R.scalar(1, 1, EXT_A, 3), R.scalar(1, 1, EXT_A, 3)),
                        resourcePod(R.scalar(0, 0, EXT_A, 2))),
                c("extended resource allocatable enforced for multiple init containers",
                        initPod(resourcePod(new R(0, 0, 0, noScalars)), R.scalar(1, 1, EXT_A, 6), R.scalar(1, 1, EXT_A, 3)),
                        resourcePod(R.scalar(0, 0, EXT_A, 2)), insufficient(EXT_A)),
                c("extended resource allocatable enforced for unknown resource", resourcePod(R.scalar(1, 1, EXT_B, 1)),
                        resourcePod(R.of(0, 0)), insufficient(EXT_B)),
                c("extended resource allocatable enforced for unknown resource for init container",
                        initPod(resourcePod(new R(0, 0, 0, noScalars)), R.scalar(1, 1, EXT_B, 1)),
                        resourcePod(R.of(0, 0)), insufficient(EXT_B)),
                c("kubernetes.io resource capacity enforced", resourcePod(R.scalar(1, 1, K8S_IO_A, 10)),
                        resourcePod(R.of(0, 0)), insufficient(K8S_IO_A)),
                c("kubernetes.io resource capacity enforced for init container",
                        initPod(resourcePod(new R(0, 0, 0, noScalars)), R.scalar(1, 1, K8S_IO_B, 10)),
                        resourcePod(R.of(0, 0)), insufficient(K8S_IO_B)),
                c("hugepages resource capacity enforced", resourcePod(R.scalar(1, 1, HUGE_A, 10)),
                        resourcePod(R.scalar(0, 0, HUGE_A, 0)), insufficient(HUGE_A)),
                c("hugepages resource capacity enforced for init container",
                        initPod(resourcePod(new R(0, 0, 0, noScalars)), R.scalar(1, 1, HUGE_A, 10)),
                        resourcePod(R.scalar(0, 0, HUGE_A, 0)), insufficient(HUGE_A)),
                c("hugepages resource allocatable enforced for multiple containers",
                        resourcePod(R.scalar(1, 1, HUGE_A, 3), R.scalar(1, 1, HUGE_A, 3)),
                        resourcePod(R.scalar(0, 0, HUGE_A, 2)), insufficient(HUGE_A)),
                c("resources + pod overhead fits", resourcePod(R.of(1, 1)).overhead("cpu", "3m", "memory", "13"),
                        resourcePod(R.of(5, 5))),
                c("requests + overhead does not fit for memory", resourcePod(R.of(1, 1)).overhead("cpu", "1m", "memory", "15"),
                        resourcePod(R.of(5, 5)), insufficient("memory")),
                c("skip checking extended resource request with quantity zero via resource groups",
                        resourcePod(R.scalar(1, 1, EXT_A, 0)), resourcePod(R.scalar(0, 0, EXT_A, 6))),
                c("skip checking resource request with quantity zero",
                        resourcePod(new R(0, 0, 0, Map.of(EXT_A, 1L))), resourcePod(R.scalar(20, 30, EXT_A, 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enoughRequests")
    void enoughRequests(String name, PodMaker pod, PodMaker existing, List<String> wantReasons) {
        assertFilter(pod, standardNode(), existing, wantReasons);
    }

    private void assertFilter(PodMaker pod, Node node, PodMaker existing, List<String> wantReasons) {
        NodeInfo ni = existing == null ? new NodeInfo(node) : TestObjects.nodeInfo(node, existing.obj());
        Status got = plugin.filter(new CycleState(), pod.info(), ni);
        if (wantReasons.isEmpty()) {
            assertThat(got.isSuccess()).as("filter status %s", got).isTrue();
        } else {
            assertThat(got.code()).isEqualTo(Status.Code.UNSCHEDULABLE);
            assertThat(got.reasons()).containsExactlyElementsOf(wantReasons);
        }
    }

    static Stream<Arguments> notEnoughRequests() {
        return Stream.of(
                c("even without specified resources, predicate fails when there's no space for additional pod",
                        pod(), resourcePod(R.of(10, 20)), "Too many pods"),
                c("even if both resources fit, predicate fails when there's no space for additional pod",
                        resourcePod(R.of(1, 1)), resourcePod(R.of(5, 5)), "Too many pods"),
                c("even for equal edge case, predicate fails when there's no space for additional pod",
                        resourcePod(R.of(5, 1)), resourcePod(R.of(5, 19)), "Too many pods"),
                c("even for equal edge case, predicate fails when there's no space for additional pod due to init container",
                        initPod(resourcePod(R.of(5, 1)), R.of(5, 1)), resourcePod(R.of(5, 19)), "Too many pods"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notEnoughRequests")
    void notEnoughRequests(String name, PodMaker pod, PodMaker existing, List<String> wantReasons) {
        // makeAllocatableResources(10, 20, 1, 0, 0, 0): room for exactly one pod, already taken.
        Node node = node("node").capacity("cpu", "10m", "memory", "20", "pods", "1", EXT_A, "0",
                "ephemeral-storage", "0", HUGE_A, "0").obj();
        assertFilter(pod, node, existing, wantReasons);
    }

    static Stream<Arguments> storageRequests() {
        return Stream.of(
                c("empty storage requested, and pod fits", resourcePod(R.of(1, 1)), resourcePod(R.of(2, 10))),
                c("storage ephemeral local storage request exceeds allocatable", resourcePod(R.storage(25)),
                        resourcePod(R.of(2, 2)), insufficient("ephemeral-storage")),
                c("ephemeral local storage is sufficient", initPod(resourcePod(R.storage(5))),
                        resourcePod(new R(2, 2, 10, Map.of()))),
                c("pod fits", resourcePod(R.storage(10)), resourcePod(R.of(2, 2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storageRequests")
    void storageRequests(String name, PodMaker pod, PodMaker existing, List<String> wantReasons) {
        assertFilter(pod, standardNode(), existing, wantReasons);
    }

    static Stream<Arguments> restartableInitContainers() {
        return Stream.of(
                c("allow pod without restartable init containers if sidecar containers is enabled", pod().container(), null),
                c("allow pod with restartable init containers if sidecar containers is enabled",
                        pod().container().sidecar(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restartableInitContainers")
    void restartableInitContainers(String name, PodMaker pod, PodMaker existing, List<String> wantReasons) {
        // makeAllocatableResources(0, 0, 1, 0, 0, 0)
        Node node = node("node").capacity("cpu", "0", "memory", "0", "pods", "1", EXT_A, "0",
                "ephemeral-storage", "0", HUGE_A, "0").obj();
        assertFilter(pod, node, existing, wantReasons);
    }

    static Stream<Arguments> fitScore() {
        ScoringStrategy rtcr1 = new ScoringStrategy(ScoringStrategy.Type.REQUESTED_TO_CAPACITY_RATIO, ScoreRows.DEFAULT_RESOURCES,
                ScoreRows.shape(0, 10, 100, 0));
        ScoringStrategy rtcr2 = new ScoringStrategy(ScoringStrategy.Type.REQUESTED_TO_CAPACITY_RATIO, ScoreRows.DEFAULT_RESOURCES,
                ScoreRows.shape(0, 0, 100, 10));
        ScoringStrategy most = new ScoringStrategy(ScoringStrategy.Type.MOST_ALLOCATED, ScoreRows.DEFAULT_RESOURCES, null);
        ScoringStrategy least = new ScoringStrategy(ScoringStrategy.Type.LEAST_ALLOCATED, ScoreRows.DEFAULT_RESOURCES, null);
        return Stream.of(
                Arguments.of("test case for ScoringStrategy RequestedToCapacityRatio case1", rtcr1, "3000", "5000", 10L, 32L),
                Arguments.of("test case for ScoringStrategy RequestedToCapacityRatio case2", rtcr2, "3000", "5000", 95L, 68L),
                Arguments.of("test case for ScoringStrategy MostAllocated", most, "1000", "2000", 67L, 36L),
                Arguments.of("test case for ScoringStrategy LeastAllocated", least, "1000", "2000", 32L, 63L),
                Arguments.of("test case for ScoringStrategy RequestedToCapacityRatio case1 if PreScore is not called", rtcr1, "3000", "5000", 10L, 32L),
                Arguments.of("test case for ScoringStrategy MostAllocated if PreScore is not called", most, "1000", "2000", 67L, 36L),
                Arguments.of("test case for ScoringStrategy LeastAllocated if PreScore is not called", least, "1000", "2000", 32L, 63L));
    }

    /**
     * TestFitScore. Sandtable's Fit has no PreScore, so each "if PreScore is not called" row is the same computation as
     * its twin. In "RequestedToCapacityRatio case1" node1's cpu is over capacity and scores 0, and upstream leaves a
     * resource that scores 0 out of the weights: node1 scores memory alone (10), not (0 + 10) / 2.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fitScore")
    void fitScore(String name, ScoringStrategy strategy, String cpu, String memory, long want1, long want2) {
        Fit fit = new Fit(strategy);
        List<Node> nodes = List.of(node("node1").capacity("cpu", "4000", "memory", "10000").obj(),
                node("node2").capacity("cpu", "6000", "memory", "10000").obj());
        List<Pod> existing = List.of(pod().node("node1").req("cpu", "2000", "memory", "4000").obj(),
                pod().node("node2").req("cpu", "1000", "memory", "2000").obj());
        var p = pod().req("cpu", cpu, "memory", memory).info();
        List<NodeInfo> infos = snapshot(existing, nodes);
        Map<String, Long> got = new LinkedHashMap<>();
        for (NodeInfo ni : infos) {
            got.put(ni.name(), fit.score(new CycleState(), p, ni));
        }
        assertThat(got).containsExactly(Map.entry("node1", want1), Map.entry("node2", want2));
    }
}
