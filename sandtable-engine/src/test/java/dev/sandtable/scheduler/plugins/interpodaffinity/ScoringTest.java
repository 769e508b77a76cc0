package dev.sandtable.scheduler.plugins.interpodaffinity;

import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.TEAM_NAMESPACES;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.labels;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.namespaces;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.node;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.pod;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.req;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.selector;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.snapshot;
import static dev.sandtable.scheduler.plugins.interpodaffinity.AffinityPods.term;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.Status;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ported from kube-scheduler pkg/scheduler/framework/plugins/interpodaffinity/scoring_test.go (v1.31):
 * TestPreferredAffinity and TestPreferredAffinityWithHardPodAffinitySymmetricWeight, PreScore then Score
 * and NormalizeScore over every node. Case names are upstream's (two names repeat upstream).
 */
class ScoringTest {
    private static final long MAX = 100;

    private static final Map<String, String> RG_CHINA = labels("region", "China");
    private static final Map<String, String> RG_INDIA = labels("region", "India");
    private static final Map<String, String> AZ1 = labels("az", "az1");
    private static final Map<String, String> AZ2 = labels("az", "az2");
    private static final Map<String, String> RG_CHINA_AZ1 = labels("region", "China", "az", "az1");
    private static final Map<String, String> S1 = labels("security", "S1");
    private static final Map<String, String> S2 = labels("security", "S2");

    private static Affinity affinityOf(AffinityPods.PodB b) {
        return b.obj().getSpec().getAffinity();
    }

    /** An expected PreScore failure: its code and a substring of its message. */
    record WantStatus(Status.Code code, String message) {
    }

    private static Arguments pref(String name, Pod pod, List<Pod> pods, List<Node> nodes, long[] expected,
                                  boolean ignorePreferredTermsOfExistingPods, WantStatus want) {
        return Arguments.of(name, pod, pods, nodes, expected, ignorePreferredTermsOfExistingPods, want);
    }

    private static Arguments pref(String name, Pod pod, List<Pod> pods, List<Node> nodes, long... expected) {
        return pref(name, pod, pods, nodes, expected, false, null);
    }

    private static Pod existing(String node, Map<String, String> labels, Affinity a) {
        return pod().node(node).labels(labels).affinity(a).obj();
    }

    private static Pod existing(String node, Map<String, String> labels, String namespace) {
        return pod().node(node).labels(labels).namespace(namespace).obj();
    }

    static Stream<Arguments> preferredAffinityCases() {
        Affinity stayWithS1InRegion = affinityOf(pod().preferredAffinity(term("region").in("security", "S1").weighted(5)));
        Affinity stayWithS2InRegion = affinityOf(pod().preferredAffinity(term("region").in("security", "S2").weighted(6)));
        Affinity affinity3 = affinityOf(pod().preferredAffinity(
                term("region").notIn("security", "S1").in("security", "S2").weighted(8),
                term("region").exists("security").doesNotExist("wrongkey").weighted(2)));
        Affinity hardAffinity = affinityOf(pod().requiredAffinity(
                term("region").in("security", "S1", "value2").obj(),
                term("region").exists("security").doesNotExist("wrongkey").obj()));
        Affinity awayFromS1InAz = affinityOf(pod().preferredAntiAffinity(term("az").in("security", "S1").weighted(5)));
        Affinity awayFromS2InAz = affinityOf(pod().preferredAntiAffinity(term("az").in("security", "S2").weighted(5)));
        Affinity stayWithS1InRegionAwayFromS2InAz = affinityOf(pod()
                .preferredAffinity(term("region").in("security", "S1").weighted(8))
                .preferredAntiAffinity(term("az").in("security", "S2").weighted(5)));
        LabelSelector team1 = selector(req("team", "In", "team1"));
        Affinity affinityNamespaceSelector = affinityOf(pod().preferredAffinity(
                term("region").in("security", "S1").namespaces("subteam2.team2").namespaceSelector(team1).weighted(5)));
        Affinity antiAffinityNamespaceSelector = affinityOf(pod().preferredAntiAffinity(
                term("region").in("security", "S1").namespaces("subteam2.team2").namespaceSelector(team1).weighted(5)));
        Affinity invalidAffinityLabels = affinityOf(pod().preferredAffinity(term("region").in("security", "{{.bad-value.}}").weighted(8)));
        Affinity invalidAntiAffinityLabels = affinityOf(pod().preferredAntiAffinity(term("az").in("security", "{{.bad-value.}}").weighted(5)));

        List<Node> chinaIndiaAz1 = List.of(node("node1", RG_CHINA), node("node2", RG_INDIA), node("node3", AZ1));
        List<Node> chinaIndia = List.of(node("node1", RG_CHINA), node("node2", RG_INDIA));
        List<Node> chinaChina = List.of(node("node1", RG_CHINA), node("node2", RG_CHINA));
        WantStatus invalid = new WantStatus(Status.Code.ERROR, "Invalid value: \"{{.bad-value.}}\"");

        return Stream.of(
                pref("all nodes are same priority as Affinity is nil", pod().labels(S1).obj(), List.of(), chinaIndiaAz1,
                        null, false, new WantStatus(Status.Code.SKIP, "")),
                pref("Affinity: pod that matches topology key & pods in nodes will get high score comparing to others"
                                + "which doesn't match either pods in nodes or in topology key",
                        pod().labels(S1).affinity(stayWithS1InRegion).obj(),
                        List.of(existing("node1", S1, (Affinity) null), existing("node2", S2, (Affinity) null), existing("node3", S1, (Affinity) null)),
                        chinaIndiaAz1, MAX, 0, 0),
                pref("All the nodes that have the same topology key & label value with one of them has an existing pod that match the affinity rules, have the same score",
                        pod().affinity(stayWithS1InRegion).obj(),
                        List.of(existing("node1", S1, (Affinity) null)),
                        List.of(node("node1", RG_CHINA), node("node2", RG_CHINA_AZ1), node("node3", RG_INDIA)), MAX, MAX, 0),
                pref("Affinity: nodes in one region has more matching pods comparing to other region, so the region which has more matches will get high score",
                        pod().labels(S1).affinity(stayWithS2InRegion).obj(),
                        List.of(existing("node1", S2, (Affinity) null), existing("node1", S2, (Affinity) null), existing("node2", S2, (Affinity) null),
                                existing("node3", S2, (Affinity) null), existing("node4", S2, (Affinity) null), existing("node5", S2, (Affinity) null)),
                        List.of(node("node1", RG_CHINA), node("node2", RG_INDIA), node("node3", RG_CHINA), node("node4", RG_CHINA), node("node5", RG_INDIA)),
                        MAX, 0, MAX, MAX, 0),
                pref("Affinity: different Label operators and values for pod affinity scheduling preference, including some match failures ",
                        pod().labels(S1).affinity(affinity3).obj(),
                        List.of(existing("node1", S1, (Affinity) null), existing("node2", S2, (Affinity) null), existing("node3", S1, (Affinity) null)),
                        chinaIndiaAz1, 20, MAX, 0),
                pref("Affinity symmetry: considered only the preferredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry",
                        pod().labels(S2).obj(),
                        List.of(existing("node1", S1, stayWithS1InRegion), existing("node2", S2, stayWithS2InRegion)),
                        chinaIndiaAz1, 0, MAX, 0),
                pref("Affinity symmetry with namespace selector",
                        pod().namespace("subteam1.team1").labels(S1).obj(),
                        List.of(existing("node1", S1, affinityNamespaceSelector), existing("node2", S2, stayWithS2InRegion)),
                        chinaIndiaAz1, MAX, 0, 0),
                pref("AntiAffinity symmetry with namespace selector",
                        pod().namespace("subteam1.team1").labels(S1).obj(),
                        List.of(existing("node1", S1, antiAffinityNamespaceSelector), existing("node2", S2, stayWithS2InRegion)),
                        chinaIndiaAz1, 0, MAX, MAX),
                pref("Affinity symmetry: considered RequiredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry",
                        pod().labels(S1).obj(),
                        List.of(existing("node1", S1, hardAffinity), existing("node2", S2, hardAffinity)),
                        chinaIndiaAz1, MAX, MAX, 0),
                pref("Anti Affinity: pod that does not match existing pods in node will get high score ",
                        pod().labels(S1).affinity(awayFromS1InAz).obj(),
                        List.of(existing("node1", S1, (Affinity) null), existing("node2", S2, (Affinity) null)),
                        List.of(node("node1", AZ1), node("node2", RG_CHINA)), 0, MAX),
                pref("Anti Affinity: pod that does not match topology key & match the pods in nodes will get higher score comparing to others ",
                        pod().labels(S1).affinity(awayFromS1InAz).obj(),
                        List.of(existing("node1", S1, (Affinity) null), existing("node2", S1, (Affinity) null)),
                        List.of(node("node1", AZ1), node("node2", RG_CHINA)), 0, MAX),
                pref("Anti Affinity: one node has more matching pods comparing to other node, so the node which has more unmatches will get high score",
                        pod().labels(S1).affinity(awayFromS1InAz).obj(),
                        List.of(existing("node1", S1, (Affinity) null), existing("node1", S1, (Affinity) null), existing("node2", S2, (Affinity) null)),
                        List.of(node("node1", AZ1), node("node2", RG_INDIA)), 0, MAX),
                pref("Anti Affinity symmetry: the existing pods in node which has anti affinity match will get high score",
                        pod().labels(S2).obj(),
                        List.of(existing("node1", S1, awayFromS2InAz), existing("node2", S2, awayFromS1InAz)),
                        List.of(node("node1", AZ1), node("node2", AZ2)), 0, MAX),
                pref("Affinity and Anti Affinity: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity",
                        pod().labels(S1).affinity(stayWithS1InRegionAwayFromS2InAz).obj(),
                        List.of(existing("node1", S1, (Affinity) null), existing("node2", S1, (Affinity) null)),
                        List.of(node("node1", RG_CHINA), node("node2", AZ1)), MAX, 0),
                pref("Affinity and Anti Affinity: considering both affinity and anti-affinity, the pod to schedule and existing pods have the same labels",
                        pod().labels(S1).affinity(stayWithS1InRegionAwayFromS2InAz).obj(),
                        List.of(existing("node1", S1, (Affinity) null), existing("node1", S1, (Affinity) null), existing("node2", S1, (Affinity) null),
                                existing("node3", S1, (Affinity) null), existing("node3", S1, (Affinity) null), existing("node4", S1, (Affinity) null),
                                existing("node5", S1, (Affinity) null)),
                        List.of(node("node1", RG_CHINA_AZ1), node("node2", RG_INDIA), node("node3", RG_CHINA), node("node4", RG_CHINA), node("node5", RG_INDIA)),
                        MAX, 0, MAX, MAX, 0),
                pref("Affinity and Anti Affinity and symmetry: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity & symmetry",
                        pod().labels(S1).affinity(stayWithS1InRegionAwayFromS2InAz).obj(),
                        List.of(existing("node1", S1, (Affinity) null), existing("node2", S2, (Affinity) null),
                                existing("node3", Map.of(), stayWithS1InRegionAwayFromS2InAz), existing("node4", Map.of(), awayFromS1InAz)),
                        List.of(node("node1", RG_CHINA), node("node2", AZ1), node("node3", RG_INDIA), node("node4", AZ2)),
                        MAX, 0, MAX, 0),
                pref("Avoid panic when partial nodes in a topology don't have pods with affinity",
                        pod().labels(S1).obj(),
                        List.of(existing("node1", S1, (Affinity) null), existing("node2", Map.of(), stayWithS1InRegionAwayFromS2InAz)),
                        chinaChina, 0, 0),
                pref("invalid Affinity fails PreScore", pod().affinity(invalidAffinityLabels).obj(), List.of(), chinaChina,
                        null, false, invalid),
                pref("invalid AntiAffinity fails PreScore", pod().affinity(invalidAntiAffinityLabels).obj(), List.of(), chinaChina,
                        null, false, invalid),
                pref("Affinity with pods matching NamespaceSelector",
                        pod().namespace("subteam1.team1").labels(S1).affinity(affinityNamespaceSelector).obj(),
                        List.of(existing("node1", S1, "subteam1.team1"), existing("node1", S1, "subteam1.team1"),
                                existing("node1", S1, "subteam1.team2"), existing("node2", S1, "subteam2.team1")),
                        chinaIndia, MAX, 0),
                pref("Affinity with pods matching both NamespaceSelector and Namespaces fields",
                        pod().namespace("subteam1.team1").labels(S1).affinity(affinityNamespaceSelector).obj(),
                        List.of(existing("node1", S1, "subteam1.team1"), existing("node1", S1, "subteam1.team1"),
                                existing("node1", S1, "subteam2.team2"), existing("node2", S1, "subteam2.team1")),
                        chinaIndia, MAX, 0),
                pref("Affinity with pods matching NamespaceSelector",
                        pod().namespace("subteam1.team1").labels(S1).affinity(antiAffinityNamespaceSelector).obj(),
                        List.of(existing("node1", S1, "subteam1.team1"), existing("node1", S1, "subteam1.team1"),
                                existing("node1", S1, "subteam1.team2"), existing("node2", S1, "subteam2.team1")),
                        chinaIndia, 0, MAX),
                pref("Affinity with pods matching both NamespaceSelector and Namespaces fields",
                        pod().namespace("subteam1.team1").labels(S1).affinity(antiAffinityNamespaceSelector).obj(),
                        List.of(existing("node1", S1, "subteam1.team1"), existing("node1", S1, "subteam1.team1"),
                                existing("node1", S1, "subteam2.team2"), existing("node2", S1, "subteam2.team1")),
                        chinaIndia, 0, MAX),
                pref("Ignore preferred terms of existing pods",
                        pod().labels(S2).obj(),
                        List.of(existing("node1", S1, stayWithS1InRegionAwayFromS2InAz), existing("node2", S2, stayWithS2InRegion)),
                        chinaIndia, new long[] {0, 0}, true, new WantStatus(Status.Code.SKIP, "")),
                pref("Do not ignore preferred terms of existing pods",
                        pod().labels(S2).obj(),
                        List.of(existing("node1", S1, stayWithS1InRegionAwayFromS2InAz), existing("node2", S2, stayWithS2InRegion)),
                        chinaIndia, new long[] {0, MAX}, false, null),
                pref("No nodes to score", pod().labels(S2).obj(), List.of(), List.of(), null, false, new WantStatus(Status.Code.SKIP, "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preferredAffinityCases")
    void preferredAffinity(String name, Pod pod, List<Pod> pods, List<Node> nodeObjs, long[] expected,
                           boolean ignorePreferredTermsOfExistingPods, WantStatus want) {
        InterPodAffinity plugin = new InterPodAffinity(namespaces(TEAM_NAMESPACES), 1, ignorePreferredTermsOfExistingPods);
        check(plugin, pod, pods, nodeObjs, expected, want);
    }

    private static void check(InterPodAffinity plugin, Pod pod, List<Pod> pods, List<Node> nodeObjs, long[] expected, WantStatus want) {
        List<NodeInfo> nodes = snapshot(pods, nodeObjs);
        CycleState state = new CycleState();
        PodInfo pi = new PodInfo(pod);
        Status status = plugin.preScore(state, pi, nodes, nodes);
        if (!status.isSuccess()) {
            assertThat(want).as("PreScore returned %s", status).isNotNull();
            assertThat(status.code()).isEqualTo(want.code());
            assertThat(String.join("; ", status.reasons())).contains(want.message());
            return;
        }
        assertThat(want).as("PreScore status").isNull();
        long[] got = new long[nodes.size()];
        for (int i = 0; i < got.length; i++) {
            got[i] = plugin.score(state, pi, nodes.get(i));
        }
        plugin.normalize(state, pi, nodes, got);
        assertThat(got).isEqualTo(expected);
    }

    static Stream<Arguments> hardPodAffinityCases() {
        Map<String, String> serviceS1 = labels("service", "S1");
        Affinity hardPodAffinity = affinityOf(pod().requiredAffinity(term("region").in("service", "S1").namespaces("", "subteam2.team2")
                .namespaceSelector(selector(req("team", "In", "team1"))).obj()));
        List<Pod> pods = List.of(existing("node1", Map.of(), hardPodAffinity), existing("node2", Map.of(), hardPodAffinity));
        List<Node> nodes = List.of(node("node1", RG_CHINA), node("node2", RG_INDIA), node("node3", AZ1));
        WantStatus skip = new WantStatus(Status.Code.SKIP, "");
        return Stream.of(
                Arguments.of("with default weight", pod().labels(serviceS1).obj(), pods, nodes, 1, new long[] {MAX, MAX, 0}, null),
                Arguments.of("with zero weight", pod().labels(serviceS1).obj(), pods, nodes, 0, null, skip),
                Arguments.of("with no matching namespace", pod().namespace("subteam1.team2").labels(serviceS1).obj(), pods, nodes, 1, null, skip),
                Arguments.of("with matching NamespaceSelector", pod().namespace("subteam1.team1").labels(serviceS1).obj(), pods, nodes, 1,
                        new long[] {MAX, MAX, 0}, null),
                Arguments.of("with matching Namespaces", pod().namespace("subteam2.team2").labels(serviceS1).obj(), pods, nodes, 1,
                        new long[] {MAX, MAX, 0}, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardPodAffinityCases")
    void preferredAffinityWithHardPodAffinitySymmetricWeight(String name, Pod pod, List<Pod> pods, List<Node> nodes, int hardPodAffinityWeight,
                                                             long[] expected, WantStatus want) {
        InterPodAffinity plugin = new InterPodAffinity(namespaces(TEAM_NAMESPACES), hardPodAffinityWeight, false);
        check(plugin, pod, pods, nodes, expected, want);
    }
}
