package dev.sandtable.autoscaler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.autoscaler.expander.Expander;
import dev.sandtable.autoscaler.expander.ExpanderChain;
import dev.sandtable.autoscaler.expander.Option;
import dev.sandtable.cluster.InstanceTypeCatalog;
import dev.sandtable.cluster.NodePool;
import dev.sandtable.cluster.NodePools;
import dev.sandtable.cluster.ResolvedNodePool;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.sim.SeededRandom;
import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The expander tables of cluster-autoscaler 1.31, ported as data: expander/waste/waste_test.go (TestLeastWaste),
 * expander/mostpods/mostpods_test.go (TestMostPods) and expander/priority/priority_test.go (the five filter tests).
 */
class ExpanderTablesTest {
    static final long CPU_PER_POD = 500;
    static final long MEMORY_PER_POD = 1000L * 1024 * 1024;

    static ResolvedNodePool pool(String name, long cpuMillis, long memoryBytes) {
        NodePool np = Yaml.read(NodePool.class, """
                apiVersion: sandtable.dev/v1alpha1
                kind: NodePool
                metadata: {name: "%s"}
                spec: {provider: none, capacity: {cpu: %dm, memory: "%d"}}
                """.formatted(name, cpuMillis, memoryBytes));
        return NodePools.resolve(np, InstanceTypeCatalog.bundled()).pool().orElseThrow();
    }

    static PodInfo pod() {
        return new PodInfo(Yaml.read(Pod.class, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: default}
                spec: {containers: [{name: c, image: i, resources: {requests: {cpu: %dm, memory: "%d"}}}]}
                """.formatted(CPU_PER_POD, MEMORY_PER_POD)));
    }

    static final ResolvedNodePool BALANCED = pool("balanced", 16 * CPU_PER_POD, 16 * MEMORY_PER_POD);
    static final ResolvedNodePool HIGHMEM = pool("highmem", 16 * CPU_PER_POD, 32 * MEMORY_PER_POD);
    static final ResolvedNodePool LOWCPU = pool("lowcpu", 8 * CPU_PER_POD, 16 * MEMORY_PER_POD);

    /** TestLeastWaste's four steps: options, and the option(s) least-waste keeps. */
    static Stream<Arguments> leastWaste() {
        Option noPods = new Option(BALANCED, 1, List.of());
        Option balanced = new Option(BALANCED, 1, List.of(pod()));
        Option highmem = new Option(HIGHMEM, 1, List.of(pod()));
        Option lowcpu = new Option(LOWCPU, 1, List.of(pod()));
        return Stream.of(
                Arguments.of("one option without pods is kept", List.of(noPods), List.of(noPods)),
                Arguments.of("one option with a pod is kept", List.of(balanced), List.of(balanced)),
                Arguments.of("the balanced node wastes less memory than the high-memory one", List.of(balanced, highmem), List.of(balanced)),
                Arguments.of("the low-CPU node wastes least of the three", List.of(balanced, highmem, lowcpu), List.of(lowcpu)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leastWaste")
    void leastWasteKeepsTheOptionsThatLeaveTheLeastCapacityUnrequested(String name, List<Option> options, List<Option> expected) {
        assertThat(new Expander.LeastWaste().bestOptions(options)).containsExactlyElementsOf(expected);
    }

    @Test
    void mostPodsKeepsTheOptionsSchedulingTheMostPodsAndEveryTie() {
        Option eo0 = new Option(BALANCED, 1, List.of());
        Option eo1 = new Option(HIGHMEM, 1, List.of(pod()));
        Option eo1b = new Option(LOWCPU, 1, List.of(pod()));
        Expander e = new Expander.MostPods();
        assertThat(e.bestOptions(List.of(eo0))).containsExactly(eo0);
        assertThat(e.bestOptions(List.of(eo0, eo1))).containsExactly(eo1);
        assertThat(e.bestOptions(List.of(eo0, eo1, eo1b))).containsExactly(eo1, eo1b);
    }

    static final Map<Integer, List<String>> CONFIG = Map.of(5, List.of(".*t2\\.micro.*"), 10, List.of(".*t2\\.large.*", ".*t3\\.large.*"),
            50, List.of(".*m4\\.4xlarge.*"));
    static final Map<Integer, List<String>> WILDCARD = Map.of(5, List.of(".*"), 10, List.of(".t2\\.large.*"));
    static final Option T2_MICRO = new Option(pool("my-asg.t2.micro", 1000, 1L << 30), 1, List.of());
    static final Option T2_LARGE = new Option(pool("my-asg.t2.large", 1000, 1L << 30), 1, List.of());
    static final Option T3_LARGE = new Option(pool("my-asg.t3.large", 1000, 1L << 30), 1, List.of());
    static final Option M4_4XLARGE = new Option(pool("my-asg.m4.4xlarge", 1000, 1L << 30), 1, List.of());

    static Stream<Arguments> priority() {
        return Stream.of(
                Arguments.of("single matching option out of one", CONFIG, List.of(T2_LARGE), List.of(T2_LARGE)),
                Arguments.of("single matching option out of many", CONFIG, List.of(T2_LARGE, M4_4XLARGE), List.of(M4_4XLARGE)),
                Arguments.of("filters to the higher-priority match", WILDCARD, List.of(T2_LARGE, T2_MICRO), List.of(T2_LARGE)),
                Arguments.of("two matching options out of many", CONFIG, List.of(T2_LARGE, T3_LARGE, T2_MICRO), List.of(T2_LARGE, T3_LARGE)),
                Arguments.of("options of one priority are all kept", CONFIG, List.of(T2_LARGE, T3_LARGE), List.of(T2_LARGE, T3_LARGE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("priority")
    void priorityKeepsTheOptionsOfTheHighestMatchingPriority(String name, Map<Integer, List<String>> config, List<Option> options,
                                                            List<Option> expected) {
        assertThat(new Expander.Priority(config).bestOptions(options)).containsExactlyElementsOf(expected);
    }

    @Test
    void priorityKeepsEveryOptionWhenNoneMatches() {
        var notMatching = Map.of(5, List.of(".*t\\.micro.*"), 10, List.of(".*t\\.large.*"));
        assertThat(new Expander.Priority(notMatching).bestOptions(List.of(T2_LARGE, T3_LARGE))).containsExactly(T2_LARGE, T3_LARGE);
    }

    @Test
    void theChainNarrowsInOrderAndDrawsAmongTiesFromTheSeed() {
        Option a = new Option(BALANCED, 1, List.of(pod()));
        Option b = new Option(HIGHMEM, 1, List.of(pod()));
        List<Option> seen = new ArrayList<>();
        for (int seed = 0; seed < 20; seed++) {
            seen.add(new ExpanderChain(List.of("most-pods"), Map.of(), new SeededRandom(seed)).bestOption(List.of(a, b)));
        }
        // most-pods ties, so the random fallback decides, and over 20 seeds it picks both.
        assertThat(seen).contains(a, b);
        assertThat(new ExpanderChain(List.of("most-pods", "least-waste"), Map.of(), new SeededRandom(1)).bestOption(List.of(a, b))).isEqualTo(a);
    }

    @Test
    void priceKeepsTheCheapestAddedCapacity() {
        ResolvedNodePool cheap = pool("cheap", 2000, 8L << 30);
        ResolvedNodePool dear = pool("dear", 2000, 8L << 30);
        cheap = withPrice(cheap, 0.05);
        dear = withPrice(dear, 0.20);
        Option twoCheap = new Option(cheap, 2, List.of(pod()));
        Option oneDear = new Option(dear, 1, List.of(pod()));
        assertThat(new Expander.Price().bestOptions(List.of(oneDear, twoCheap))).containsExactly(twoCheap);
    }

    static ResolvedNodePool withPrice(ResolvedNodePool p, double price) {
        return new ResolvedNodePool(p.name(), p.provider(), p.instanceType(), p.capacity(), p.allocatable(), p.reservation(), p.arch(),
                p.mode(), p.minCount(), p.maxCount(), p.initialCount(), p.autoscaling(), p.labels(), p.taints(), p.zones(), p.region(),
                p.spot(), price);
    }
}
