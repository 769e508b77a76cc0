package dev.sandtable.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.cluster.NodePool;
import dev.sandtable.api.Pods;
import dev.sandtable.engine.Simulation;
import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    static PodDisruptionBudget pdb(String name, String selector, String minAvailable) {
        return Yaml.read(PodDisruptionBudget.class, """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: %s, namespace: default}
                spec: {minAvailable: %s, selector: %s}
                """.formatted(name, minAvailable, selector));
    }

    /** Two-node pool p; each pod is given as NAME:CPU:PRIORITY:APP:NODE, its PriorityClass named after its priority. */
    private static Simulation preemptOn(List<HasMetadata> budgets, String preemptorCpu, int preemptorPriority, String... pods) {
        List<HasMetadata> first = new ArrayList<>(budgets);
        first.add(pool("p", 2));
        java.util.Set<Integer> priorities = new java.util.TreeSet<>(List.of(preemptorPriority));
        for (String spec : pods) {
            String[] f = spec.split(":");
            priorities.add(Integer.parseInt(f[2]));
            first.add(pinned(pod(f[0], f[1], "prio-" + f[2], f[3], "p", "PreemptLowerPriority"), f[4]));
        }
        priorities.forEach(v -> first.add(0, priority("prio-" + v, v)));
        return run(first, List.of(pod("urgent", preemptorCpu, "prio-" + preemptorPriority, "urgent", "p", "PreemptLowerPriority")));
    }

    private static List<String> survivors(Simulation sim) {
        return sim.store().list(Pod.class).stream().map(p -> p.getMetadata().getName()).filter(n -> !n.equals("urgent")).sorted().toList();
    }

    @Test
    void theNodeIsChosenByItsMostImportantVictimEvenWhenAPdbProtectedVictimHasALowerPriority() {
        // Both nodes must lose both pods and violate the budget once; p-0's most important victim has priority 5, p-1's 3.
        Simulation sim = preemptOn(List.of(pdb("protect", "{matchLabels: {app: protected}}", "2")), "1900m", 100,
                "a-1:900m:1:protected:p-0", "a-5:900m:5:free:p-0", "b-2:900m:2:protected:p-1", "b-3:900m:3:free:p-1");
        assertThat(get(sim, "urgent").getSpec().getNodeName()).isEqualTo("p-1");
        assertThat(survivors(sim)).containsExactly("a-1", "a-5");
    }

    /** Upstream TestPostFilter "pod can be made schedulable on minHighestPriority node", with CPU standing for the one-pod capacity. */
    @Test
    void upstreamPostFilterRowPodCanBeMadeSchedulableOnMinHighestPriorityNode() {
        Simulation sim = preemptOn(List.of(pdb("violating-pdb", "{matchLabels: {app: violating}}", "100%"),
                        pdb("non-violating-pdb", "{matchLabels: {app: non-violating}}", "0")), "1500m", 10_000,
                "p1:900m:1000:non-violating:p-0", "p2:900m:0:violating:p-0", "p3:900m:100:violating:p-1");
        assertThat(get(sim, "urgent").getSpec().getNodeName()).isEqualTo("p-1");
        assertThat(survivors(sim)).containsExactly("p1", "p2");
    }

    @Test
    void aBudgetWithAnEmptySelectorProtectsNoPodFromPreemption() {
        // Counted as matching everything, the budget would make p-1 (two victims) worse than p-0 (one); skipped, p-1 wins on priority.
        Simulation sim = preemptOn(List.of(pdb("everything", "{matchLabels: {}}", "100")), "1500m", 100,
                "a-5:1500m:5:x:p-0", "b-1:900m:1:y:p-1", "b-2:900m:1:z:p-1");
        assertThat(get(sim, "urgent").getSpec().getNodeName()).isEqualTo("p-1");
        assertThat(survivors(sim)).containsExactly("a-5");
    }

    /** Upstream TestPostFilter "no candidate nodes found, no enough resource after removing low priority pods". */
    @Test
    void upstreamPostFilterRowNodesTooSmallEvenWithoutTheirVictimsCountTheFilterReasonInThePreemptionMessage() {
        Simulation sim = preemptOn(List.of(), "2500m", 1000, "p1:100m:0:x:p-0", "p2:100m:0:x:p-1");
        assertThat(Pods.condition(get(sim, "urgent"), "PodScheduled").getMessage())
                .isEqualTo("0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 Insufficient cpu.");
    }

    /** Upstream TestPostFilter "no candidate nodes found with mixed reasons, no lower priority pod and no enough CPU resource". */
    @Test
    void upstreamPostFilterRowMixedReasonsAreCountedPerNode() {
        Simulation sim = preemptOn(List.of(), "1500m", 1000, "p1:1900m:1000:x:p-0", "p2:100m:0:x:p-1", "p3:900m:1000:x:p-1");
        assertThat(Pods.condition(get(sim, "urgent"), "PodScheduled").getMessage())
                .isEqualTo("0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 1 Insufficient cpu, "
                        + "1 No preemption victims found for incoming pod.");
    }

    private static Pod pinned(Pod p, String node) {
        p.getSpec().setNodeSelector(java.util.Map.of("kubernetes.io/hostname", node));
        return p;
    }
}
