package dev.sandtable.scheduler.plugins.interpodaffinity;

import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.labels;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.namespaces;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.node;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.pod;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.snapshot;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.term;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.api.PodAffinityLabelKeys;
import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.Status;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Sandtable's own cases, for behaviour the upstream tables leave uncovered. */
class SandtableCasesTest {

    @Test
    void selfAffinityExceptionOnlyWhenNothingMatchesAnywhere() {
        // The incoming pod matches its own term, but a matching pod exists in China: India is not allowed.
        Pod incoming = pod().label("foo", "bar").affinityIn("foo", "region", "bar").obj();
        List<NodeInfo> nodes = snapshot(List.of(pod().node("n1").label("foo", "bar").obj()),
                List.of(node("n1", labels("region", "China")), node("n2", labels("region", "India"))));
        InterPodAffinity plugin = new InterPodAffinity(namespaces(Map.of()));
        CycleState state = new CycleState();
        PodInfo pi = new PodInfo(incoming);
        assertThat(plugin.preFilter(state, pi, nodes)).isEqualTo(Status.SUCCESS);
        assertThat(plugin.filter(state, pi, nodes.get(0)).isSuccess()).isTrue();
        assertThat(plugin.filter(state, pi, nodes.get(1)).code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
    }

    @Test
    void removedPodsNoLongerCount() {
        NodeInfo n = new NodeInfo(node("n1", labels("zone", "z1")));
        n.addPod("a", new PodInfo(pod().node("n1").antiAffinityExists("app", "zone").obj()));
        n.addPod("b", new PodInfo(pod().node("n1").label("x", "y").obj()));
        assertThat(n.podsWithRequiredAntiAffinity()).hasSize(1);
        assertThat(n.podsWithAffinity()).hasSize(1);
        InterPodAffinity plugin = new InterPodAffinity(namespaces(Map.of()));
        PodInfo incoming = new PodInfo(pod().label("app", "web").obj());
        CycleState state = new CycleState();
        assertThat(plugin.preFilter(state, incoming, List.of(n))).isEqualTo(Status.SUCCESS);
        assertThat(plugin.filter(state, incoming, n).reasons()).containsExactly(InterPodAffinity.ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
        n.removePod("a");
        assertThat(n.podsWithRequiredAntiAffinity()).isEmpty();
        assertThat(n.podsWithAffinity()).isEmpty();
        assertThat(plugin.preFilter(new CycleState(), incoming, List.of(n))).isEqualTo(Status.SKIP);
    }

    @Test
    void matchLabelKeysAreMergedIntoTheSelectorOnCreate() {
        PodAffinityTerm t = term("zone").in("app", "web").obj();
        t.setMatchLabelKeys(List.of("pod-template-hash", "absent"));
        t.setMismatchLabelKeys(List.of("tenant"));
        Pod p = pod().labels(labels("app", "web", "pod-template-hash", "abc", "tenant", "t1")).requiredAntiAffinity(t).obj();
        PodAffinityLabelKeys.apply(p);
        List<LabelSelectorRequirement> exprs = p.getSpec().getAffinity().getPodAntiAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution().get(0).getLabelSelector().getMatchExpressions();
        assertThat(exprs).extracting(LabelSelectorRequirement::getKey, LabelSelectorRequirement::getOperator, LabelSelectorRequirement::getValues)
                .containsExactly(
                        Tuple.tuple("app", "In", List.of("web")),
                        Tuple.tuple("pod-template-hash", "In", List.of("abc")),
                        Tuple.tuple("tenant", "NotIn", List.of("t1")));
    }

    @Test
    void hardPodAffinityWeightIsValidated() {
        Assertions.assertThatThrownBy(() -> new InterPodAffinity(namespaces(Map.of()), 101, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in valid range [0-100]");
    }
}
