package dev.sandtable.autoscaler;

import static dev.sandtable.autoscaler.AutoscalerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.autoscaler.scaledown.NodeVerdict;
import dev.sandtable.engine.Simulation;
import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scale-down end to end: unneeded nodes go after the unneeded time; blocked ones stay, with the reason. */
class ScaleDownTest {

    /** Two nodes from the start, one 700m pod on each (the scheduler spreads them), so either node's pod fits on the other. */
    static Simulation halved(List<HasMetadata> extra) {
        return spread("700m", extra);
    }

    static Simulation spread(String cpu, List<HasMetadata> extra) {
        List<HasMetadata> objects = new ArrayList<>(List.of(pool("small", "2", "8Gi", 1, 5, "initialCount: 2"), deployment("web", 2, cpu, "1Gi", "")));
        objects.addAll(extra);
        Simulation sim = run(objects, Duration.ofMinutes(1));
        assertThat(sim.store().list(Pod.class).stream().map(p -> p.getSpec().getNodeName()).distinct()).hasSize(2);
        return sim;
    }

    static String verdictOf(Simulation sim, String node) {
        NodeVerdict v = sim.autoscaler().nodeVerdicts().get(node);
        return v == null ? "" : v.state() + ": " + v.reason();
    }

    @Test
    void aNodeLeftEmptyByAScaleDownIsRemovedAfterTheUnneededTime() {
        Simulation sim = run(List.of(pool("small", "2", "8Gi", 1, 5, ""), deployment("web", 4, "700m", "1Gi", "")), Duration.ofMinutes(5));
        assertThat(nodesOf(sim, "small")).isEqualTo(2);
        scale(sim, "web", 2);
        sim.runFor(Duration.ofMinutes(30));
        assertThat(nodesOf(sim, "small")).isEqualTo(1);
        assertThat(sim.autoscaler().events()).anyMatch(e -> e.text().startsWith("scale-down: small 2 -> 1"));
    }

    @Test
    void anUnderutilizedNodeWhosePodsFitElsewhereIsDrainedAfterTheUnneededTime() {
        Simulation sim = halved(List.of());
        sim.runFor(Duration.ofMinutes(9));
        assertThat(nodesOf(sim, "small")).isEqualTo(2);
        sim.runFor(Duration.ofMinutes(20));
        assertThat(nodesOf(sim, "small")).isEqualTo(1);
        assertThat(sim.autoscaler().events()).anyMatch(e -> e.text().matches("scale-down: small 2 -> 1 \\(removed small-., 1 pod\\(s\\) evicted\\)"));
        assertThat(sim.store().list(Pod.class)).hasSize(2).allMatch(p -> p.getSpec().getNodeName() != null);
    }

    @Test
    void theKmpSettingsScaleDownBelowFortyPercentAfterTenMinutes() {
        // A node at 45% is under the default 0.5 but not under kmp's 0.4.
        Simulation kmp = spread("900m", List.of(ScaleUpTest.settings(
                "scale-down-utilization-threshold: 0.4\nscale-down-unneeded-time: 10m\nscale-down-delay-after-add: 10m")));
        kmp.runFor(Duration.ofMinutes(40));
        assertThat(nodesOf(kmp, "small")).isEqualTo(2);
        assertThat(verdictOf(kmp, "small-0")).contains("cpu requested is 45% of allocatable, threshold 40%");
        Simulation defaults = spread("900m", List.of());
        defaults.runFor(Duration.ofMinutes(40));
        assertThat(nodesOf(defaults, "small")).isEqualTo(1);
    }

    @Test
    void aPodDisruptionBudgetThatAllowsNoDisruptionKeepsTheNode() {
        Simulation sim = halved(List.of(pdb("web", 2)));
        sim.runFor(Duration.ofMinutes(30));
        assertThat(nodesOf(sim, "small")).isEqualTo(2);
        assertThat(verdictOf(sim, "small-0") + verdictOf(sim, "small-1")).contains("not enough pod disruption budget");
    }

    @Test
    void aBarePodKeepsItsNode() {
        Pod bare = Yaml.read(Pod.class, """
                apiVersion: v1
                kind: Pod
                metadata: {name: bare, namespace: default}
                spec: {nodeName: small-1, containers: [{name: c, image: i, resources: {requests: {cpu: 100m}}}]}
                """);
        Simulation sim = halved(List.of());
        sim.store().create(bare);
        // Rechecked once unremovable-node-recheck-timeout (5m) has passed since small-1 was last found unremovable.
        sim.runFor(Duration.ofMinutes(6));
        assertThat(verdictOf(sim, "small-1")).contains("default/bare is not replicated");
        sim.runFor(Duration.ofMinutes(30));
        // small-0's pod moves to small-1 and small-0 goes; small-1 never could.
        assertThat(sim.nodes()).extracting(n -> n.getMetadata().getName()).containsExactly("small-1");
    }

    @Test
    void aKubeSystemPodWithoutABudgetKeepsItsNodeUnlessToldOtherwise() {
        List<HasMetadata> systemPod = List.of(Yaml.read(io.fabric8.kubernetes.api.model.apps.Deployment.class, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: dns, namespace: kube-system}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: dns}}
                  template:
                    metadata: {labels: {app: dns}}
                    spec: {containers: [{name: c, image: i, resources: {requests: {cpu: 50m}}}]}
                """));
        Simulation kept = halved(systemPod);
        kept.runFor(Duration.ofMinutes(30));
        assertThat(nodesOf(kept, "small")).isEqualTo(2);
        assertThat(verdictOf(kept, "small-0") + verdictOf(kept, "small-1")).contains("non-pdb-assigned kube-system pod present");

        List<HasMetadata> allowed = new ArrayList<>(systemPod);
        allowed.add(ScaleUpTest.settings("skip-nodes-with-system-pods: false"));
        Simulation removed = halved(allowed);
        removed.runFor(Duration.ofMinutes(30));
        assertThat(nodesOf(removed, "small")).isEqualTo(1);
    }

    @Test
    void aPoolAtItsMinimumKeepsItsNodes() {
        Simulation sim = run(List.of(pool("small", "2", "8Gi", 2, 5, ""), deployment("web", 1, "100m", "1Gi", "")), Duration.ofMinutes(40));
        assertThat(nodesOf(sim, "small")).isEqualTo(2);
        assertThat(verdictOf(sim, "small-0") + verdictOf(sim, "small-1")).contains("at its minimum size (2)");
    }

    @Test
    void scaleDownWaitsForTheDelayAfterAScaleUp() {
        // A scale-up at 10 s for a burst that is gone a minute later leaves empty nodes; they go only after the cool-down.
        Simulation sim = run(List.of(pool("small", "2", "8Gi", 1, 5, ""), deployment("web", 2, "700m", "1Gi", "")), Duration.ofSeconds(30));
        assertThat(sim.nodePools().targetSize("small")).isEqualTo(1);
        scale(sim, "web", 6);
        sim.runFor(Duration.ofMinutes(3));
        assertThat(nodesOf(sim, "small")).isEqualTo(3);
        scale(sim, "web", 2);
        sim.runFor(Duration.ofMinutes(9));
        assertThat(nodesOf(sim, "small")).isEqualTo(3);
        sim.runFor(Duration.ofMinutes(5));
        assertThat(nodesOf(sim, "small")).isEqualTo(1);
    }
}
