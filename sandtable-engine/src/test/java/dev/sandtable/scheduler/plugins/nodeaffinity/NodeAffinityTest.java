package dev.sandtable.scheduler.plugins.nodeaffinity;

import static dev.sandtable.scheduler.TestObjects.expr;
import static dev.sandtable.scheduler.TestObjects.fieldTerm;
import static dev.sandtable.scheduler.TestObjects.labelTerm;
import static dev.sandtable.scheduler.TestObjects.node;
import static dev.sandtable.scheduler.TestObjects.pod;
import static dev.sandtable.scheduler.TestObjects.preferred;
import static dev.sandtable.scheduler.TestObjects.scores;
import static dev.sandtable.scheduler.TestObjects.term;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.TestObjects.NodeMaker;
import dev.sandtable.scheduler.TestObjects.PodMaker;
import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.Status;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ported from kube-scheduler v1.31 pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go
 * (TestNodeAffinity for PreFilter and Filter, TestNodeAffinityPriority). Case names are upstream's.
 * Not ported: the scheduler-enforced "added affinity" cases (NodeAffinityArgs.addedAffinity is not supported).
 */
class NodeAffinityTest {
    private static final String NAME_FIELD = "metadata.name";
    private static final Map<String, String> NONE = Map.of();

    private final NodeAffinity plugin = new NodeAffinity();

    /** What PreFilter should say: success (optionally narrowing to node names), skip, or the conflict rejection. */
    enum Pre { SUCCESS, SKIP, CONFLICT }

    private static Arguments filterCase(String name, PodMaker pod, Map<String, String> labels, String nodeName,
                                        boolean fits, Pre pre, Set<String> preNames) {
        return Arguments.of(name, pod, labels, nodeName, fits, pre, preNames);
    }

    private static NodeSelectorTerm fooBarOrValue2() {
        return labelTerm(expr("foo", "In", "bar", "value2"));
    }

    static Stream<Arguments> filterCases() {
        return Stream.of(
                filterCase("missing labels", pod().nodeSelector("foo", "bar"), NONE, "", false, Pre.SUCCESS, null),
                filterCase("same labels", pod().nodeSelector("foo", "bar"), Map.of("foo", "bar"), "", true, Pre.SUCCESS, null),
                filterCase("node labels are superset", pod().nodeSelector("foo", "bar"),
                        Map.of("foo", "bar", "baz", "blah"), "", true, Pre.SUCCESS, null),
                filterCase("node labels are subset", pod().nodeSelector("foo", "bar", "baz", "blah"),
                        Map.of("foo", "bar"), "", false, Pre.SUCCESS, null),
                filterCase("Pod with matchExpressions using In operator that matches the existing node",
                        pod().required(fooBarOrValue2()), Map.of("foo", "bar"), "", true, Pre.SUCCESS, null),
                filterCase("Pod with matchExpressions using Gt operator that matches the existing node",
                        pod().required(labelTerm(expr("kernel-version", "Gt", "0204"))),
                        Map.of("kernel-version", "0206"), "", true, Pre.SUCCESS, null),
                filterCase("Pod with matchExpressions using NotIn operator that matches the existing node",
                        pod().required(labelTerm(expr("mem-type", "NotIn", "DDR", "DDR2"))),
                        Map.of("mem-type", "DDR3"), "", true, Pre.SUCCESS, null),
                filterCase("Pod with matchExpressions using Exists operator that matches the existing node",
                        pod().required(labelTerm(expr("GPU", "Exists"))),
                        Map.of("GPU", "NVIDIA-GRID-K1"), "", true, Pre.SUCCESS, null),
                filterCase("Pod with affinity that don't match node's labels won't schedule onto the node",
                        pod().required(labelTerm(expr("foo", "In", "value1", "value2"))),
                        Map.of("foo", "bar"), "", false, Pre.SUCCESS, null),
                filterCase("Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node",
                        pod().required(labelTerm()), Map.of("foo", "bar"), "", false, Pre.SUCCESS, null),
                filterCase("Pod with no Affinity will schedule onto a node", pod(), Map.of("foo", "bar"), "", true, Pre.SKIP, null),
                filterCase("Pod with Affinity but nil NodeSelector will schedule onto a node",
                        pod().emptyNodeAffinity(), Map.of("foo", "bar"), "", true, Pre.SKIP, null),
                filterCase("Pod with multiple matchExpressions ANDed that matches the existing node",
                        pod().required(labelTerm(expr("GPU", "Exists"), expr("GPU", "NotIn", "AMD", "INTER"))),
                        Map.of("GPU", "NVIDIA-GRID-K1"), "", true, Pre.SUCCESS, null),
                filterCase("Pod with multiple matchExpressions ANDed that doesn't match the existing node",
                        pod().required(labelTerm(expr("GPU", "Exists"), expr("GPU", "In", "AMD", "INTER"))),
                        Map.of("GPU", "NVIDIA-GRID-K1"), "", false, Pre.SUCCESS, null),
                filterCase("Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
                        pod().required(fooBarOrValue2(), labelTerm(expr("diffkey", "In", "wrong", "value2"))),
                        Map.of("foo", "bar"), "", true, Pre.SUCCESS, null),
                filterCase("Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node",
                        pod().nodeSelector("foo", "bar").required(labelTerm(expr("foo", "Exists"))),
                        Map.of("foo", "bar"), "", true, Pre.SUCCESS, null),
                filterCase("Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node",
                        pod().nodeSelector("foo", "bar").required(labelTerm(expr("foo", "Exists"))),
                        Map.of("foo", "barrrrrr"), "", false, Pre.SUCCESS, null),
                filterCase("Pod with an invalid value in Affinity term won't be scheduled onto the node",
                        pod().required(labelTerm(expr("foo", "NotIn", "invalid value: ___@#$%^"))),
                        Map.of("foo", "bar"), "", false, Pre.SUCCESS, null),
                filterCase("Pod with matchFields using In operator that matches the existing node",
                        pod().required(fieldTerm(expr(NAME_FIELD, "In", "node1"))), NONE, "node1", true, Pre.SUCCESS, Set.of("node1")),
                filterCase("Pod with matchFields using In operator that does not match the existing node",
                        pod().required(fieldTerm(expr(NAME_FIELD, "In", "node1"))), NONE, "node2", false, Pre.SUCCESS, Set.of("node1")),
                filterCase("Pod with two terms: matchFields does not match, but matchExpressions matches",
                        pod().required(fieldTerm(expr(NAME_FIELD, "In", "node1"), expr(NAME_FIELD, "In", "node2")),
                                labelTerm(expr("foo", "In", "bar"))),
                        Map.of("foo", "bar"), "node2", true, Pre.SUCCESS, null),
                filterCase("Pod with one term: matchFields does not match, but matchExpressions matches",
                        pod().required(term(List.of(expr("foo", "In", "bar")), List.of(expr(NAME_FIELD, "In", "node1")))),
                        Map.of("foo", "bar"), "node2", false, Pre.SUCCESS, Set.of("node1")),
                filterCase("Pod with one term: both matchFields and matchExpressions match",
                        pod().required(term(List.of(expr("foo", "In", "bar")), List.of(expr(NAME_FIELD, "In", "node1")))),
                        Map.of("foo", "bar"), "node1", true, Pre.SUCCESS, Set.of("node1")),
                filterCase("Pod with two terms: both matchFields and matchExpressions do not match",
                        pod().required(fieldTerm(expr(NAME_FIELD, "In", "node1")), labelTerm(expr("foo", "In", "not-match-to-bar"))),
                        Map.of("foo", "bar"), "node2", false, Pre.SUCCESS, null),
                filterCase("Pod with two terms of node.Name affinity",
                        pod().required(fieldTerm(expr(NAME_FIELD, "In", "node1")), fieldTerm(expr(NAME_FIELD, "In", "node2"))),
                        NONE, "node2", true, Pre.SUCCESS, Set.of("node1", "node2")),
                filterCase("Pod with two conflicting mach field requirements",
                        pod().required(fieldTerm(expr(NAME_FIELD, "In", "node1"), expr(NAME_FIELD, "In", "node2"))),
                        Map.of("foo", "bar"), "node2", false, Pre.CONFLICT, Set.of()),
                filterCase("Matches node selector correctly even if PreFilter is not called",
                        pod().nodeSelector("foo", "bar"), Map.of("foo", "bar", "baz", "blah"), "", true, null, null),
                filterCase("Matches node affinity correctly even if PreFilter is not called",
                        pod().required(labelTerm(expr("GPU", "Exists"), expr("GPU", "NotIn", "AMD", "INTER"))),
                        Map.of("GPU", "NVIDIA-GRID-K1"), "", true, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterCases")
    void preFilterAndFilter(String name, PodMaker pod, Map<String, String> labels, String nodeName, boolean fits,
                            Pre pre, Set<String> preNames) {
        PodInfo p = pod.info();
        NodeInfo n = node(nodeName).labels(labels).info();
        CycleState state = new CycleState();
        if (pre != null) {
            Status s = plugin.preFilter(state, p, List.of(n));
            switch (pre) {
                case SUCCESS -> assertThat(s.isSuccess()).as("PreFilter status %s", s).isTrue();
                case SKIP -> assertThat(s.code()).isEqualTo(Status.Code.SKIP);
                case CONFLICT -> {
                    assertThat(s.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
                    assertThat(s.reasons()).containsExactly(NodeAffinity.ERR_REASON_CONFLICT);
                }
            }
            assertThat(NodeAffinity.preFilterNodeNames(p.spec())).isEqualTo(Optional.ofNullable(preNames));
        }
        Status got = plugin.filter(state, p, n);
        if (fits) {
            assertThat(got.isSuccess()).as("Filter status %s", got).isTrue();
        } else {
            assertThat(got.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
            assertThat(got.reasons()).containsExactly(NodeAffinity.ERR_REASON_POD);
        }
    }

    private static final Map<String, String> LABEL1 = Map.of("foo", "bar");
    private static final Map<String, String> LABEL2 = Map.of("key", "value");
    private static final Map<String, String> LABEL3 = Map.of("az", "az1");
    private static final Map<String, String> LABEL4 = Map.of("abc", "az11", "def", "az22");
    private static final Map<String, String> LABEL5 = Map.of("foo", "bar", "key", "value", "az", "az1");

    private static PodMaker affinity1() {
        return pod().preferred(preferred(2, labelTerm(expr("foo", "In", "bar"))));
    }

    private static PodMaker affinity2() {
        return pod().preferred(
                preferred(2, labelTerm(expr("foo", "In", "bar"))),
                preferred(4, labelTerm(expr("key", "In", "value"))),
                preferred(5, labelTerm(expr("foo", "In", "bar"), expr("key", "In", "value"), expr("az", "In", "az1"))));
    }

    private static NodeMaker n(String name, Map<String, String> labels) {
        return node(name).labels(labels);
    }

    static Stream<Arguments> scoreCases() {
        return Stream.of(
                Arguments.of("all nodes are same priority as NodeAffinity is nil", pod(),
                        List.of(n("node1", LABEL1), n("node2", LABEL2), n("node3", LABEL3)), new long[] {0, 0, 0}, false),
                Arguments.of("no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes' priority is zero",
                        affinity1(), List.of(n("node1", LABEL4), n("node2", LABEL2), n("node3", LABEL3)), new long[] {0, 0, 0}, true),
                Arguments.of("only node1 matches the preferred scheduling requirements of pod",
                        affinity1(), List.of(n("node1", LABEL1), n("node2", LABEL2), n("node3", LABEL3)), new long[] {100, 0, 0}, true),
                Arguments.of("all nodes matches the preferred scheduling requirements of pod but with different priorities ",
                        affinity2(), List.of(n("node1", LABEL1), n("node5", LABEL5), n("node2", LABEL2)), new long[] {18, 100, 36}, true),
                Arguments.of("calculate the priorities correctly even if PreScore is not called",
                        affinity2(), List.of(n("node1", LABEL1), n("node5", LABEL5), n("node2", LABEL2)), new long[] {18, 100, 36}, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoreCases")
    void score(String name, PodMaker pod, List<NodeMaker> nodes, long[] want, boolean runPreScore) {
        PodInfo p = pod.info();
        List<NodeInfo> infos = nodes.stream().map(NodeMaker::info).toList();
        if (runPreScore) {
            assertThat(plugin.preScore(new CycleState(), p, infos, infos).isSuccess()).isTrue();
        }
        assertThat(scores(plugin, p, infos)).containsExactly(want);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skipCases")
    void preScoreSkips(String name, PodMaker pod) {
        List<NodeInfo> infos = List.of(n("node1", LABEL1).info());
        assertThat(plugin.preScore(new CycleState(), pod.info(), infos, infos).code()).isEqualTo(Status.Code.SKIP);
    }

    static Stream<Arguments> skipCases() {
        return Stream.of(Arguments.of("Skip is returned in PreScore when NodeAffinity is nil", pod()));
    }
}
