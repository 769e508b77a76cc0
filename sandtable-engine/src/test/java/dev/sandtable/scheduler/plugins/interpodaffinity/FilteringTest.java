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
import static dev.sandtable.scheduler.plugins.interpodaffinity.InterPodAffinity.ERR_REASON_AFFINITY_RULES_NOT_MATCH;
import static dev.sandtable.scheduler.plugins.interpodaffinity.InterPodAffinity.ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH;
import static dev.sandtable.scheduler.plugins.interpodaffinity.InterPodAffinity.ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.Status;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ported from kube-scheduler pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go (v1.31 line):
 * TestRequiredAffinitySingleNode, TestRequiredAffinityMultipleNodes, TestPreFilterDisabled and
 * TestGetTPMapMatchingIncomingAffinityAntiAffinity. Case names are upstream's.
 * Not ported: TestPreFilterStateAddRemovePod (no PreFilterExtensions AddPod/RemovePod in Sandtable's framework)
 * and TestPreFilterStateClone (CycleState is not cloned).
 */
class FilteringTest {

    /** An expected status: code and reasons, as the upstream tables compare them. */
    record Want(Status.Code code, List<String> reasons) {
        static final Want OK = new Want(Status.Code.SUCCESS, List.of());
        static final Want SKIP = new Want(Status.Code.SKIP, List.of());

        static Want unresolvable(String reason) {
            return new Want(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE, List.of(reason));
        }

        static Want unschedulable(String reason) {
            return new Want(Status.Code.UNSCHEDULABLE, List.of(reason));
        }

        static Want of(Status s) {
            return new Want(s.code(), s.reasons());
        }
    }

    private static final Want AFFINITY = Want.unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
    private static final Want ANTI = Want.unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
    private static final Want EXISTING = Want.unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
    private static final String BAD_VALUE = "parsing pod: requiredAffinityTerms: values[0][service]: Invalid value: \"{{.bad-value.}}\": "
            + "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end "
            + "with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
            + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    // ------------------------------------------------------------------ TestRequiredAffinitySingleNode

    private static Arguments single(String name, Pod pod, List<Pod> pods, Want preFilter, Want filter) {
        return Arguments.of(name, pod, pods, preFilter, filter);
    }

    static Stream<Arguments> singleNodeCases() {
        Map<String, String> podLabel = labels("service", "securityscan");
        Map<String, String> podLabel2 = labels("security", "S1");
        Pod pod = pod().labels(podLabel).node("node1").obj();
        LabelSelector team1 = selector(req("team", "In", "team1"));
        return Stream.of(
                single("A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods",
                        pod().obj(), List.of(), Want.SKIP, null),
                single("satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod",
                        pod().labels(podLabel2).affinityIn("service", "region", "securityscan", "value2").obj(), List.of(pod), Want.OK, Want.OK),
                single("satisfies the pod with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using not in operator in labelSelector that matches the existing pod",
                        pod().labels(podLabel2).affinityNotIn("service", "region", "securityscan3", "value3").obj(), List.of(pod), Want.OK, Want.OK),
                single("Does not satisfy the PodAffinity with labelSelector because of diff Namespace",
                        pod().labels(podLabel2).bothStanzas()
                                .requiredAffinity(term("").in("service", "securityscan", "value2").namespaces("DiffNameSpace").obj()).obj(),
                        List.of(pod().namespace("ns").label("service", "securityscan").node("node1").obj()), Want.OK, AFFINITY),
                single("Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod",
                        pod().labels(podLabel).affinityIn("service", "", "antivirusscan", "value2").obj(), List.of(pod), Want.OK, AFFINITY),
                single("satisfies the PodAffinity with different label Operators in multiple RequiredDuringSchedulingIgnoredDuringExecution ",
                        pod().labels(podLabel2).bothStanzas().requiredAffinity(
                                term("region").exists("service").doesNotExist("wrongkey").obj(),
                                term("region").in("service", "securityscan").notIn("service", "WrongValue").obj()).obj(),
                        List.of(pod), Want.OK, Want.OK),
                single("The labelSelector requirements(items of matchExpressions) are ANDed, the pod cannot schedule onto the node because one of the matchExpression item don't match.",
                        pod().labels(podLabel2).bothStanzas().requiredAffinity(
                                term("region").exists("service").doesNotExist("wrongkey").obj(),
                                term("region").in("service", "securityscan2").notIn("service", "WrongValue").obj()).obj(),
                        List.of(pod), Want.OK, AFFINITY),
                single("satisfies the PodAffinity and PodAntiAffinity with the existing pod",
                        pod().labels(podLabel2).affinityIn("service", "region", "securityscan", "value2")
                                .antiAffinityIn("service", "node", "antivirusscan", "value2").obj(), List.of(pod), Want.OK, Want.OK),
                single("satisfies the PodAffinity and PodAntiAffinity and PodAntiAffinity symmetry with the existing pod",
                        pod().labels(podLabel2).affinityIn("service", "region", "securityscan", "value2")
                                .antiAffinityIn("service", "node", "antivirusscan", "value2").obj(),
                        List.of(pod().node("node1").labels(podLabel).antiAffinityIn("service", "node", "antivirusscan", "value2").obj()),
                        Want.OK, Want.OK),
                single("satisfies the PodAffinity but doesn't satisfy the PodAntiAffinity with the existing pod",
                        pod().labels(podLabel2).affinityIn("service", "region", "securityscan", "value2")
                                .antiAffinityIn("service", "zone", "securityscan", "value2").obj(), List.of(pod), Want.OK, ANTI),
                single("satisfies the PodAffinity and PodAntiAffinity but doesn't satisfy PodAntiAffinity symmetry with the existing pod",
                        pod().labels(podLabel).affinityIn("service", "region", "securityscan", "value2")
                                .antiAffinityIn("service", "node", "antivirusscan", "value2").obj(),
                        List.of(pod().labels(podLabel).node("node1").antiAffinityIn("service", "zone", "securityscan", "value2").obj()),
                        Want.OK, EXISTING),
                single("pod matches its own Label in PodAffinity and that matches the existing pod Labels",
                        pod().labels(podLabel).affinityNotIn("service", "region", "securityscan", "value2").obj(),
                        List.of(pod().label("service", "securityscan").node("node2").obj()), Want.OK, AFFINITY),
                single("verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. doesn't satisfy PodAntiAffinity symmetry with the existing pod",
                        pod().labels(podLabel).obj(),
                        List.of(pod().node("node1").labels(podLabel).antiAffinityIn("service", "zone", "securityscan", "value2").obj()),
                        Want.OK, EXISTING),
                single("verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. satisfy PodAntiAffinity symmetry with the existing pod",
                        pod().labels(podLabel).obj(),
                        List.of(pod().node("node1").labels(podLabel).antiAffinityNotIn("service", "zone", "securityscan", "value2").obj()),
                        Want.SKIP, null),
                single("satisfies the PodAntiAffinity with existing pod but doesn't satisfy PodAntiAffinity symmetry with incoming pod",
                        pod().labels(podLabel).antiAffinityExists("service", "region").antiAffinityExists("security", "region").obj(),
                        List.of(pod().node("node1").labels(podLabel2).antiAffinityExists("security", "zone").obj()), Want.OK, ANTI),
                single("PodAntiAffinity symmetry check a1: incoming pod and existing pod partially match each other on AffinityTerms",
                        pod().labels(podLabel).antiAffinityExists("service", "zone").antiAffinityExists("security", "zone").obj(),
                        List.of(pod().node("node1").labels(podLabel2).antiAffinityExists("security", "zone").obj()), Want.OK, ANTI),
                single("PodAntiAffinity symmetry check a2: incoming pod and existing pod partially match each other on AffinityTerms",
                        pod().labels(podLabel2).antiAffinityExists("security", "zone").obj(),
                        List.of(pod().node("node1").labels(podLabel).antiAffinityExists("service", "zone").antiAffinityExists("security", "zone").obj()),
                        Want.OK, EXISTING),
                single("PodAntiAffinity symmetry check b1: incoming pod and existing pod partially match each other on AffinityTerms",
                        pod().labels(labels("abc", "", "xyz", "")).antiAffinityExists("abc", "zone").antiAffinityExists("def", "zone").obj(),
                        List.of(pod().node("node1").labels(labels("def", "", "xyz", "")).antiAffinityExists("abc", "zone").antiAffinityExists("def", "zone").obj()),
                        Want.OK, ANTI),
                single("PodAntiAffinity symmetry check b2: incoming pod and existing pod partially match each other on AffinityTerms",
                        pod().labels(labels("def", "", "xyz", "")).antiAffinityExists("abc", "zone").antiAffinityExists("def", "zone").obj(),
                        List.of(pod().node("node1").labels(labels("abc", "", "xyz", "")).antiAffinityExists("abc", "zone").antiAffinityExists("def", "zone").obj()),
                        Want.OK, ANTI),
                single("PodAffinity fails PreFilter with an invalid affinity label syntax",
                        pod().labels(podLabel).affinityIn("service", "region", "{{.bad-value.}}")
                                .affinityIn("service", "node", "antivirusscan", "value2").obj(), List.of(), Want.unresolvable(BAD_VALUE), null),
                single("PodAntiAffinity fails PreFilter with an invalid antiaffinity label syntax",
                        pod().labels(podLabel).affinityIn("service", "region", "foo")
                                .affinityIn("service", "node", "{{.bad-value.}}").obj(), List.of(), Want.unresolvable(BAD_VALUE), null),
                single("affinity with NamespaceSelector",
                        pod().labels(podLabel2).bothStanzas().requiredAffinity(term("region").in("service", "securityscan", "value2")
                                .namespaceSelector(team1).obj()).obj(),
                        List.of(pod().namespace("subteam1.team1").labels(podLabel).node("node1").obj()), Want.OK, Want.OK),
                single("affinity with non-matching NamespaceSelector",
                        pod().labels(podLabel2).bothStanzas().requiredAffinity(term("region").in("service", "securityscan", "value2")
                                .namespaceSelector(team1).obj()).obj(),
                        List.of(pod().namespace("subteam1.team2").labels(podLabel).node("node1").obj()), Want.OK, AFFINITY),
                single("anti-affinity with matching NamespaceSelector",
                        pod().namespace("subteam1.team1").labels(podLabel2).bothStanzas().requiredAntiAffinity(
                                term("zone").in("service", "securityscan", "value2").namespaceSelector(team1).obj()).obj(),
                        List.of(pod().namespace("subteam2.team1").labels(podLabel).node("node1").obj()), Want.OK, ANTI),
                single("anti-affinity with matching all NamespaceSelector",
                        pod().namespace("subteam1.team1").labels(podLabel2).bothStanzas().requiredAntiAffinity(
                                term("zone").in("service", "securityscan", "value2").namespaceSelector(new LabelSelector()).obj()).obj(),
                        List.of(pod().namespace("subteam2.team1").labels(podLabel).node("node1").obj()), Want.OK, ANTI),
                single("anti-affinity with non-matching NamespaceSelector",
                        pod().namespace("subteam1.team1").labels(podLabel2).bothStanzas().requiredAntiAffinity(
                                term("zone").in("service", "securityscan", "value2").namespaceSelector(team1).obj()).obj(),
                        List.of(pod().namespace("subteam1.team2").labels(podLabel).node("node1").obj()), Want.OK, Want.OK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleNodeCases")
    void requiredAffinitySingleNode(String name, Pod pod, List<Pod> pods, Want wantPreFilter, Want wantFilter) {
        Node node1 = node("node1", labels("region", "r1", "zone", "z11"));
        List<NodeInfo> nodes = snapshot(pods, List.of(node1));
        InterPodAffinity plugin = new InterPodAffinity(namespaces(TEAM_NAMESPACES));
        CycleState state = new CycleState();
        PodInfo pi = new PodInfo(pod);
        Status pre = plugin.preFilter(state, pi, nodes);
        assertThat(Want.of(pre)).as("PreFilter").isEqualTo(wantPreFilter);
        if (!pre.isSuccess()) {
            return;
        }
        assertThat(Want.of(plugin.filter(state, pi, nodes.get(0)))).as("Filter").isEqualTo(wantFilter);
    }

    // ------------------------------------------------------------------ TestRequiredAffinityMultipleNodes

    private static Arguments multi(String name, Pod pod, List<Pod> pods, List<Node> nodes, Want preFilter, Want... filter) {
        return Arguments.of(name, pod, pods, nodes, preFilter, Arrays.asList(filter));
    }

    static Stream<Arguments> multipleNodesCases() {
        Map<String, String> podLabelA = labels("foo", "bar");
        Map<String, String> rgChina = labels("region", "China");
        Map<String, String> rgChinaAzAz1 = labels("region", "China", "az", "az1");
        Map<String, String> rgIndia = labels("region", "India");
        List<Node> chinaChinaIndia123 = List.of(node("node1", rgChina), node("node2", rgChinaAzAz1), node("node3", rgIndia));
        List<Node> chinaChinaIndiaABC = List.of(node("nodeA", rgChina), node("nodeB", rgChinaAzAz1), node("nodeC", rgIndia));
        List<Node> r1z1z1 = List.of(node("nodeA", labels("region", "r1", "zone", "z1", "hostname", "nodeA")),
                node("nodeB", labels("region", "r1", "zone", "z1", "hostname", "nodeB")));
        List<Node> r1z1z2 = List.of(node("nodeA", labels("region", "r1", "zone", "z1", "hostname", "nodeA")),
                node("nodeB", labels("region", "r1", "zone", "z2", "hostname", "nodeB")));
        return Stream.of(
                multi("A pod can be scheduled onto all the nodes that have the same topology key & label value with one of them has an existing pod that matches the affinity rules",
                        pod().affinityIn("foo", "region", "bar").obj(),
                        List.of(pod().name("p1").node("node1").labels(podLabelA).obj()),
                        chinaChinaIndia123, Want.OK, Want.OK, Want.OK, AFFINITY),
                multi("The affinity rule is to schedule all of the pods of this collection to the same zone. The first pod of the collection "
                                + "should not be blocked from being scheduled onto any node, even there's no existing pod that matches the rule anywhere.",
                        pod().labels(labels("foo", "bar", "service", "securityscan")).affinityIn("foo", "zone", "bar")
                                .affinityIn("service", "zone", "securityscan").obj(),
                        List.of(pod().name("p1").node("nodeA").labels(labels("foo", "bar")).obj()),
                        List.of(node("nodeA", labels("zone", "az1", "hostname", "h1")), node("nodeB", labels("zone", "az2", "hostname", "h2"))),
                        Want.OK, Want.OK, Want.OK),
                multi("The first pod of the collection can only be scheduled on nodes labelled with the requested topology keys",
                        pod().labels(labels("foo", "bar", "service", "securityscan")).affinityIn("foo", "zone", "bar")
                                .affinityIn("service", "zone", "securityscan").obj(),
                        List.of(pod().name("p1").node("nodeA").labels(labels("foo", "bar")).obj()),
                        List.of(node("nodeA", labels("zoneLabel", "az1", "hostname", "h1")), node("nodeB", labels("zoneLabel", "az2", "hostname", "h2"))),
                        Want.OK, AFFINITY, AFFINITY),
                multi("NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB.",
                        pod().antiAffinityIn("foo", "region", "abc").obj(),
                        List.of(pod().node("nodeA").labels(labels("foo", "abc")).obj()),
                        List.of(node("nodeA", labels("region", "r1", "hostname", "nodeA")), node("nodeB", labels("region", "r1", "hostname", "nodeB"))),
                        Want.OK, ANTI, ANTI),
                multi("This test ensures that anti-affinity matches a pod when any term of the anti-affinity rule matches a pod.",
                        pod().antiAffinityIn("foo", "region", "abc").antiAffinityIn("service", "zone", "securityscan").obj(),
                        List.of(pod().node("nodeA").labels(labels("foo", "abc", "service", "securityscan")).obj()),
                        List.of(node("nodeA", labels("region", "r1", "zone", "z1", "hostname", "nodeA")),
                                node("nodeB", labels("region", "r1", "zone", "z2", "hostname", "nodeB"))),
                        Want.OK, ANTI, ANTI),
                multi("NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB but can be scheduled onto nodeC",
                        pod().antiAffinityIn("foo", "region", "abc").obj(),
                        List.of(pod().node("nodeA").labels(labels("foo", "abc")).obj()),
                        chinaChinaIndiaABC, Want.OK, ANTI, ANTI, Want.OK),
                multi("NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA, nodeB, but can be scheduled onto nodeC (NodeC has an existing pod that match the inter pod affinity rule but in different namespace)",
                        pod().namespace("NS1").labels(labels("foo", "123")).antiAffinityIn("foo", "region", "bar").obj(),
                        List.of(pod().node("nodeA").namespace("NS1").labels(labels("foo", "bar")).obj(),
                                pod().node("nodeC").namespace("NS2").antiAffinityIn("foo", "region", "123").obj()),
                        chinaChinaIndiaABC, Want.OK, ANTI, ANTI, Want.OK),
                multi("Test existing pod's anti-affinity: if an existing pod has a term with invalid topologyKey, labelSelector of the term is firstly checked, and then topologyKey of the term is also checked",
                        pod().label("foo", "").obj(),
                        List.of(pod().node("nodeA").antiAffinityExists("foo", "invalid-node-label").obj()),
                        r1z1z1, Want.SKIP, Want.OK, Want.OK),
                multi("Test incoming pod's anti-affinity: even if labelSelector matches, we still check if topologyKey matches",
                        pod().node("nodeA").antiAffinityExists("foo", "invalid-node-label").obj(),
                        List.of(pod().node("nodeA").labels(labels("foo", "")).obj()),
                        r1z1z1, Want.OK, Want.OK, Want.OK),
                multi("Test existing pod's anti-affinity: incoming pod wouldn't considered as a fit as it violates each existingPod's terms on all nodes",
                        pod().label("foo", "").label("bar", "").obj(),
                        List.of(pod().node("nodeA").antiAffinityExists("foo", "zone").obj(),
                                pod().node("nodeA").antiAffinityExists("bar", "region").obj()),
                        r1z1z2, Want.OK, EXISTING, EXISTING),
                multi("Test incoming pod's anti-affinity: incoming pod wouldn't considered as a fit as it at least violates one anti-affinity rule of existingPod",
                        pod().antiAffinityExists("foo", "zone").antiAffinityExists("bar", "region").obj(),
                        List.of(pod().node("nodeA").labels(labels("foo", "")).obj(), pod().node("nodeB").labels(labels("bar", "")).obj()),
                        r1z1z2, Want.OK, ANTI, ANTI),
                multi("Test existing pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when one term has invalid topologyKey",
                        pod().label("foo", "").label("bar", "").obj(),
                        List.of(pod().node("nodeA").antiAffinityExists("foo", "invalid-node-label").antiAffinityExists("bar", "zone").obj()),
                        r1z1z2, Want.OK, EXISTING, Want.OK),
                multi("Test incoming pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when one term has invalid topologyKey",
                        pod().antiAffinityExists("foo", "invalid-node-label").antiAffinityExists("bar", "zone").obj(),
                        List.of(pod().name("podA").node("nodeA").labels(labels("foo", "", "bar", "")).obj()),
                        r1z1z2, Want.OK, ANTI, Want.OK),
                multi("Test existing pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when all terms have valid topologyKey",
                        pod().label("foo", "").label("bar", "").obj(),
                        List.of(pod().node("nodeA").antiAffinityExists("foo", "region").antiAffinityExists("bar", "zone").obj()),
                        r1z1z2, Want.OK, EXISTING, EXISTING),
                multi("Test incoming pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when all terms have valid topologyKey",
                        pod().antiAffinityExists("foo", "region").antiAffinityExists("bar", "zone").obj(),
                        List.of(pod().node("nodeA").labels(labels("foo", "", "bar", "")).obj()),
                        r1z1z2, Want.OK, ANTI, ANTI),
                multi("Test existing pod's anti-affinity: existingPod on nodeA and nodeB has at least one anti-affinity term matches incoming pod, so incoming pod can only be scheduled to nodeC",
                        pod().label("foo", "").label("bar", "").obj(),
                        List.of(pod().node("nodeA").antiAffinityExists("foo", "zone").antiAffinityExists("labelA", "zone").obj(),
                                pod().node("nodeB").antiAffinityExists("bar", "zone").antiAffinityExists("labelB", "zone").obj()),
                        List.of(node("nodeA", labels("region", "r1", "zone", "z1", "hostname", "nodeA")),
                                node("nodeB", labels("region", "r1", "zone", "z2", "hostname", "nodeB")),
                                node("nodeC", labels("region", "r1", "zone", "z3", "hostname", "nodeC"))),
                        Want.OK, EXISTING, EXISTING, Want.OK),
                multi("Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match",
                        pod().affinityExists("foo", "region").affinityExists("bar", "zone").obj(),
                        List.of(pod().name("pod1").labels(labels("foo", "", "bar", "")).node("nodeA").obj()),
                        r1z1z1, Want.OK, Want.OK, Want.OK),
                multi("Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match, and the match logic should be satisfied on the same pod",
                        pod().affinityExists("foo", "region").affinityExists("bar", "zone").obj(),
                        List.of(pod().node("nodeA").name("pod1").labels(labels("foo", "")).obj(),
                                pod().node("nodeB").name("pod2").labels(labels("bar", "")).obj()),
                        r1z1z2, Want.OK, AFFINITY, AFFINITY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("multipleNodesCases")
    void requiredAffinityMultipleNodes(String name, Pod pod, List<Pod> pods, List<Node> nodeObjs, Want wantPreFilter, List<Want> wantFilter) {
        List<NodeInfo> nodes = snapshot(pods, nodeObjs);
        InterPodAffinity plugin = new InterPodAffinity(namespaces(Map.of("NS1", Map.of())));
        CycleState state = new CycleState();
        PodInfo pi = new PodInfo(pod);
        Status pre = plugin.preFilter(state, pi, nodes);
        assertThat(Want.of(pre)).as("PreFilter").isEqualTo(wantPreFilter);
        if (pre.code() == Status.Code.SKIP) {
            return;
        }
        List<Want> got = new ArrayList<>();
        for (NodeInfo n : nodes) {
            got.add(Want.of(plugin.filter(state, pi, n)));
        }
        assertThat(got).as("Filter per node").isEqualTo(wantFilter);
    }

    // ------------------------------------------------------------------ TestPreFilterDisabled

    @Test
    void preFilterDisabled() {
        InterPodAffinity plugin = new InterPodAffinity(namespaces(Map.of()));
        Status got = plugin.filter(new CycleState(), new PodInfo(pod().obj()), new NodeInfo(node("", Map.of())));
        assertThat(got.code()).isEqualTo(Status.Code.ERROR);
        assertThat(got.reasons()).containsExactly("error reading \"PreFilterInterPodAffinity\" from cycleState: not found");
    }

    // ------------------------------------------------------------------ TestGetTPMapMatchingIncomingAffinityAntiAffinity

    private static Arguments tpMap(String name, List<Pod> existing, Pod pod, Map<String, Long> wantAffinity, Map<String, Long> wantAnti) {
        return Arguments.of(name, existing, pod, wantAffinity, wantAnti);
    }

    static Stream<Arguments> tpMapCases() {
        Pod normalPodA = pod().name("normal").node("nodeA").label("aaa", "").obj();
        Pod normalPodB = pod().name("normal").node("nodeA").label("bbb", "").obj();
        Pod normalPodAB = pod().name("normal").node("nodeA").label("aaa", "").label("bbb", "").obj();
        Map<String, Long> none = Map.of();
        return Stream.of(
                tpMap("nil test", List.of(), pod().name("aaa-normal").obj(), none, none),
                tpMap("incoming pod without affinity/anti-affinity causes a no-op", List.of(normalPodA), pod().name("aaa-normal").obj(), none, none),
                tpMap("no pod has label that violates incoming pod's affinity and anti-affinity", List.of(normalPodB),
                        pod().name("aaa-anti").affinityExists("aaa", "hostname").antiAffinityExists("aaa", "hostname").obj(), none, none),
                tpMap("existing pod matches incoming pod's affinity and anti-affinity - single term case", List.of(normalPodA),
                        pod().name("affi-antiaffi").affinityExists("aaa", "hostname").antiAffinityExists("aaa", "hostname").obj(),
                        Map.of("hostname=nodeA", 1L), Map.of("hostname=nodeA", 1L)),
                tpMap("existing pod matches incoming pod's affinity and anti-affinity - multiple terms case", List.of(normalPodAB),
                        pod().name("affi-antiaffi").affinityExists("aaa", "hostname").affinityExists("bbb", "hostname")
                                .antiAffinityExists("aaa", "hostname").obj(),
                        Map.of("hostname=nodeA", 2L), Map.of("hostname=nodeA", 1L)),
                tpMap("existing pod not match incoming pod's affinity but matches anti-affinity", List.of(normalPodA),
                        pod().name("affi-antiaffi").affinityExists("aaa", "hostname").affinityExists("bbb", "hostname")
                                .antiAffinityExists("aaa", "hostname").antiAffinityExists("bbb", "hostname").obj(),
                        none, Map.of("hostname=nodeA", 1L)),
                tpMap("incoming pod's anti-affinity has more than one term - existing pod violates partial term - case 1", List.of(normalPodAB),
                        pod().name("anaffi-antiaffiti").affinityExists("aaa", "hostname").affinityExists("ccc", "hostname")
                                .antiAffinityExists("aaa", "hostname").antiAffinityExists("ccc", "hostname").obj(),
                        none, Map.of("hostname=nodeA", 1L)),
                tpMap("incoming pod's anti-affinity has more than one term - existing pod violates partial term - case 2", List.of(normalPodB),
                        pod().name("affi-antiaffi").affinityExists("aaa", "hostname").affinityExists("bbb", "hostname")
                                .antiAffinityExists("aaa", "hostname").antiAffinityExists("bbb", "hostname").obj(),
                        none, Map.of("hostname=nodeA", 1L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tpMapCases")
    void getTPMapMatchingIncomingAffinityAntiAffinity(String name, List<Pod> existing, Pod pod, Map<String, Long> wantAffinity,
                                                      Map<String, Long> wantAnti) {
        List<NodeInfo> nodes = snapshot(existing, List.of(node("nodeA", labels("hostname", "nodeA"))));
        PodInfo pi = new PodInfo(pod);
        TopologyCounts[] got = InterPodAffinity.incomingAffinityAntiAffinityCounts(
                pi.affinityTerms().requiredAffinity(), pi.affinityTerms().requiredAntiAffinity(), nodes);
        assertThat(got[0].asMap()).as("affinity").isEqualTo(wantAffinity);
        assertThat(got[1].asMap()).as("anti-affinity").isEqualTo(wantAnti);
    }
}
