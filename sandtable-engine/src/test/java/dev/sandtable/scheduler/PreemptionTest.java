package dev.sandtable.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.api.Pods;
import dev.sandtable.cluster.NodePool;
import dev.sandtable.engine.Simulation;
import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreemptionTest {

    static NodePool pool(String name, int nodes) {
        return Yaml.read(NodePool.class, """
                apiVersion: sandtable.dev/v1alpha1
                kind: NodePool
                metadata: {name: %s}
                spec: {capacity: {cpu: "2", memory: 8Gi}, initialCount: %d, labels: {pool: %s}}
                """.formatted(name, nodes, name));
    }

    static Pod pod(String name, String cpu, String priorityClass, String app, String pool, String preemptionPolicy) {
        return Yaml.read(Pod.class, """
                apiVersion: v1
                kind: Pod
                metadata: {name: %s, namespace: default, labels: {app: %s}}
                spec:
                  priorityClassName: %s
                  preemptionPolicy: %s
                  nodeSelector: {pool: %s}
                  containers: [{name: c, image: app:1, resources: {requests: {cpu: %s}}}]
                """.formatted(name, app, priorityClass, preemptionPolicy, pool, cpu));
    }

    static PriorityClass priority(String name, int value) {
        return Yaml.read(PriorityClass.class, """
                apiVersion: scheduling.k8s.io/v1
                kind: PriorityClass
                metadata: {name: %s}
                value: %d
                """.formatted(name, value));
    }

    static Simulation run(List<HasMetadata> first, List<HasMetadata> then) {
        Simulation sim = new Simulation(3);
        sim.apply(first);
        sim.runFor(Duration.ofMinutes(1));
        sim.apply(then);
        sim.runFor(Duration.ofMinutes(1));
        return sim;
    }

    static Pod get(Simulation sim, String name) {
        return sim.store().get(Pod.class, "default", name).orElse(null);
    }

    @Test
    void aHigherPriorityPodPreemptsALowerPriorityOneAndRunsOnItsNode() {
        Simulation sim = run(List.of(priority("low", 10), priority("high", 1000), pool("p", 1),
                        pod("low-1", "900m", "low", "batch", "p", "PreemptLowerPriority"),
                        pod("low-2", "900m", "low", "batch", "p", "PreemptLowerPriority")),
                List.of(pod("urgent", "1", "high", "api", "p", "PreemptLowerPriority")));
        Pod urgent = get(sim, "urgent");
        assertThat(urgent.getSpec().getNodeName()).isEqualTo("p-0");
        assertThat(urgent.getStatus().getNominatedNodeName()).isEqualTo("p-0");
        assertThat(Pods.isRunningAndReady(urgent)).isTrue();
        assertThat(List.of(get(sim, "low-1") == null, get(sim, "low-2") == null)).containsExactlyInAnyOrder(true, false);
        assertThat(sim.scheduler().preemptions()).isEqualTo(1);
    }

    @Test
    void preemptionPrefersTheNodeWhereNoPodDisruptionBudgetIsViolated() {
        PodDisruptionBudget pdb = Yaml.read(PodDisruptionBudget.class, """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: protect, namespace: default}
                spec: {minAvailable: 2, selector: {matchLabels: {app: protected}}}
                """);
        List<HasMetadata> first = new ArrayList<>(List.of(priority("low", 10), priority("high", 1000), pool("p", 2), pdb));
        // Node p-0 (zone order puts it first) gets the protected pair, p-1 the unprotected pair.
        first.add(pinned(pod("prot-1", "900m", "low", "protected", "p", "PreemptLowerPriority"), "p-0"));
        first.add(pinned(pod("prot-2", "900m", "low", "protected", "p", "PreemptLowerPriority"), "p-0"));
        first.add(pinned(pod("free-1", "900m", "low", "free", "p", "PreemptLowerPriority"), "p-1"));
        first.add(pinned(pod("free-2", "900m", "low", "free", "p", "PreemptLowerPriority"), "p-1"));
        Simulation sim = run(first, List.of(pod("urgent", "1", "high", "api", "p", "PreemptLowerPriority")));
        assertThat(get(sim, "urgent").getSpec().getNodeName()).isEqualTo("p-1");
        assertThat(get(sim, "prot-1")).isNotNull();
        assertThat(get(sim, "prot-2")).isNotNull();
        assertThat(sim.store().list(PodDisruptionBudget.class).get(0).getStatus().getDisruptionsAllowed()).isZero();
    }

    @Test
    void withoutLowerPriorityPodsThePreemptionMessageSaysNoVictims() {
        Simulation sim = run(List.of(priority("high", 1000), pool("p", 1), pod("a", "1500m", "high", "a", "p", "PreemptLowerPriority")),
                List.of(pod("b", "1", "high", "b", "p", "PreemptLowerPriority")));
        assertThat(Pods.condition(get(sim, "b"), "PodScheduled").getMessage())
                .isEqualTo("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.");
    }

    @Test
    void nodesRejectedForUnresolvableReasonsAreNotHelpedByPreemption() {
        Simulation sim = run(List.of(priority("low", 10), priority("high", 1000), pool("p", 1), pool("q", 1),
                        pod("low-1", "1500m", "low", "x", "p", "PreemptLowerPriority")),
                List.of(pod("b", "1", "high", "b", "p", "PreemptLowerPriority"), pod("never", "1500m", "high", "n", "p", "Never")));
        assertThat(get(sim, "b").getSpec().getNodeName()).isEqualTo("p-0");
        assertThat(Pods.condition(get(sim, "never"), "PodScheduled").getMessage())
                .isEqualTo("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector. "
                        + "preemption: not eligible due to preemptionPolicy=Never.");
    }

    private static Pod pinned(Pod p, String node) {
        p.getSpec().setNodeSelector(Map.of("kubernetes.io/hostname", node));
        return p;
    }
}
