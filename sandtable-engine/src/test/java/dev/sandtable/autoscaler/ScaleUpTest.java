package dev.sandtable.autoscaler;

import static dev.sandtable.autoscaler.AutoscalerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.autoscaler.config.ClusterAutoscalerSettings;
import dev.sandtable.autoscaler.scaleup.PoolVerdict;
import dev.sandtable.autoscaler.scaleup.ScaleUpDecision;
import dev.sandtable.engine.Simulation;
import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scale-up end to end: which pool, how many nodes at once, when they are Ready, and why other pools were not picked. */
class ScaleUpTest {

    static ClusterAutoscalerSettings settings(String spec) {
        return Yaml.read(ClusterAutoscalerSettings.class, "apiVersion: sandtable.dev/v1alpha1\nkind: ClusterAutoscaler\nmetadata: {name: ca}\nspec:\n"
                + spec.indent(2));
    }

    static long pending(Simulation sim) {
        return sim.store().list(Pod.class).stream().filter(p -> p.getSpec().getNodeName() == null).count();
    }

    @Test
    void binpackingAddsEveryNodeThePendingPodsNeedInOneScaleUp() {
        // 2-CPU nodes take two 700m pods each: 9 pods need 5 nodes, 4 more than the one at minimum.
        Simulation sim = run(List.of(pool("small", "2", "8Gi", 1, 10, ""), deployment("web", 9, "700m", "1Gi", "")), Duration.ofSeconds(15));
        List<ScaleUpDecision> ups = sim.autoscaler().scaleUps();
        assertThat(ups).hasSize(1);
        assertThat(ups.get(0).chosenPool()).isEqualTo("small");
        assertThat(ups.get(0).nodes()).isEqualTo(4);
        sim.runFor(Duration.ofMinutes(3));
        assertThat(nodesOf(sim, "small")).isEqualTo(5);
        assertThat(pending(sim)).isZero();
    }

    @Test
    void newNodesRegisterOnlyAfterThePoolsProvisioningDelay() {
        Simulation sim = run(List.of(pool("small", "2", "8Gi", 1, 10, ""), deployment("web", 4, "700m", "1Gi", ""),
                settings("nodeGroups: {small: {provisioning-delay: 5m}}")), Duration.ofMinutes(4));
        assertThat(nodesOf(sim, "small")).isEqualTo(1);
        assertThat(pending(sim)).isEqualTo(2);
        sim.runFor(Duration.ofMinutes(2));
        assertThat(nodesOf(sim, "small")).isEqualTo(2);
        assertThat(pending(sim)).isZero();
    }

    @Test
    void leastWastePicksThePoolWhoseNodesThePodsFillBest() {
        Simulation sim = run(List.of(pool("small", "2", "8Gi", 0, 5, ""), pool("big", "8", "32Gi", 0, 3, ""),
                deployment("web", 4, "700m", "1Gi", "")), Duration.ofSeconds(15));
        ScaleUpDecision d = sim.autoscaler().scaleUps().get(0);
        assertThat(d.chosenPool()).isEqualTo("small");
        assertThat(d.pools()).extracting(PoolVerdict::pool, PoolVerdict::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("small", PoolVerdict.Kind.CHOSEN), org.assertj.core.groups.Tuple.tuple("big", PoolVerdict.Kind.OPTION));
    }

    @Test
    void leastNodesPicksTheBigPoolForTheSamePods() {
        Simulation sim = run(List.of(pool("small", "2", "8Gi", 0, 5, ""), pool("big", "8", "32Gi", 0, 3, ""),
                deployment("web", 4, "700m", "1Gi", ""), settings("expander: least-nodes")), Duration.ofSeconds(15));
        assertThat(sim.autoscaler().scaleUps().get(0).chosenPool()).isEqualTo("big");
        assertThat(sim.autoscaler().scaleUps().get(0).nodes()).isEqualTo(1);
    }

    @Test
    void aPoolAtItsMaximumIsNotGrownAndTheVerdictSaysSo() {
        Simulation sim = run(List.of(pool("small", "2", "8Gi", 1, 1, ""), deployment("web", 4, "700m", "1Gi", "")), Duration.ofMinutes(5));
        assertThat(nodesOf(sim, "small")).isEqualTo(1);
        ScaleUpDecision d = sim.autoscaler().scaleUps().get(0);
        assertThat(d.chosenPool()).isNull();
        assertThat(d.pools().get(0).kind()).isEqualTo(PoolVerdict.Kind.AT_MAX);
        assertThat(d.pools().get(0).reason()).contains("maximum size (1 nodes)");
    }

    @Test
    void aPodThatFitsNoPoolGetsTheSchedulersReasonPerPool() {
        Simulation sim = run(List.of(pool("tainted", "8", "32Gi", 0, 3, "taints: [{key: dedicated, value: db, effect: NoSchedule}]"),
                pool("small", "2", "8Gi", 0, 3, ""), deployment("huge", 1, "3", "1Gi", "")), Duration.ofMinutes(2));
        ScaleUpDecision d = sim.autoscaler().scaleUps().get(0);
        assertThat(d.chosenPool()).isNull();
        assertThat(d.pools()).extracting(PoolVerdict::kind).containsOnly(PoolVerdict.Kind.NO_FIT);
        assertThat(d.pools().get(0).reason()).contains("TaintToleration").contains("untolerated taint {dedicated: db}");
        assertThat(d.pools().get(1).reason()).contains("NodeResourcesFit").contains("Insufficient cpu");
        assertThat(sim.nodes()).isEmpty();
    }

    @Test
    void expendablePodsBelowTheCutoffDoNotCauseAScaleUp() {
        List<HasMetadata> objects = new ArrayList<>(List.of(pool("small", "2", "8Gi", 1, 5, ""),
                deployment("filler", 4, "700m", "1Gi", "priorityClassName: expendable")));
        objects.add(Yaml.read(io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass.class,
                "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: expendable}\nvalue: -11\n"));
        Simulation sim = run(objects, Duration.ofMinutes(5));
        assertThat(nodesOf(sim, "small")).isEqualTo(1);
        assertThat(sim.autoscaler().scaleUps()).isEmpty();
    }

    @Test
    void aNodeSlowerThanMaxNodeProvisionTimeFailsTheScaleUpAndBacksThePoolOff() {
        Simulation sim = run(List.of(pool("small", "2", "8Gi", 1, 5, ""), deployment("web", 4, "700m", "1Gi", ""),
                settings("provisioning-delay: 20m\nmax-node-provision-time: 15m")), Duration.ofMinutes(16));
        assertThat(nodesOf(sim, "small")).isEqualTo(1);
        assertThat(sim.autoscaler().events()).anyMatch(e -> e.text().startsWith("scale-up failed: a small node did not register"));
        assertThat(sim.nodePools().targetSize("small")).isEqualTo(1);
        sim.runFor(Duration.ofMinutes(1));
        assertThat(sim.autoscaler().scaleUps().get(sim.autoscaler().scaleUps().size() - 1).pools().get(0).kind())
                .isEqualTo(PoolVerdict.Kind.BACKED_OFF);
    }

    @Test
    void pendingPodsAreNotCountedTwiceWhileTheirNodesAreOnTheWay() {
        Simulation sim = run(List.of(pool("small", "2", "8Gi", 1, 10, ""), deployment("web", 4, "700m", "1Gi", "")), Duration.ofMinutes(1));
        assertThat(sim.autoscaler().scaleUps()).hasSize(1);
        assertThat(sim.nodePools().targetSize("small")).isEqualTo(2);
    }
}
