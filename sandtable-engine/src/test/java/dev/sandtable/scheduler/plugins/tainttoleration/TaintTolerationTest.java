package dev.sandtable.scheduler.plugins.tainttoleration;

import static dev.sandtable.scheduler.TestObjects.node;
import static dev.sandtable.scheduler.TestObjects.pod;
import static dev.sandtable.scheduler.TestObjects.scores;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.TestObjects.NodeMaker;
import dev.sandtable.scheduler.TestObjects.PodMaker;
import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.Status;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ported from kube-scheduler v1.31 pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go
 * (TestTaintTolerationFilter, TestTaintTolerationScore). Case names are upstream's.
 */
class TaintTolerationTest {
    private static final String NO_SCHEDULE = "NoSchedule";
    private static final String PREFER = "PreferNoSchedule";

    private final TaintToleration plugin = new TaintToleration();

    static Stream<Arguments> filterCases() {
        return Stream.of(
                Arguments.of("A pod having no tolerations can't be scheduled onto a node with nonempty taints",
                        pod("pod1"), node("nodeA").taint("dedicated", "user1", NO_SCHEDULE),
                        "node(s) had untolerated taint {dedicated: user1}"),
                Arguments.of("A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule",
                        pod("pod1").toleration("dedicated", null, "user1", NO_SCHEDULE),
                        node("nodeA").taint("dedicated", "user1", NO_SCHEDULE), null),
                Arguments.of("A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule",
                        pod("pod1").toleration("dedicated", "Equal", "user2", NO_SCHEDULE),
                        node("nodeA").taint("dedicated", "user1", NO_SCHEDULE),
                        "node(s) had untolerated taint {dedicated: user1}"),
                Arguments.of("A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node",
                        pod("pod1").toleration("foo", "Exists", null, NO_SCHEDULE),
                        node("nodeA").taint("foo", "bar", NO_SCHEDULE), null),
                Arguments.of("A pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node",
                        pod("pod1").toleration("dedicated", "Equal", "user2", NO_SCHEDULE).toleration("foo", "Exists", null, NO_SCHEDULE),
                        node("nodeA").taint("dedicated", "user2", NO_SCHEDULE).taint("foo", "bar", NO_SCHEDULE), null),
                Arguments.of("A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node",
                        pod("pod1").toleration("foo", "Equal", "bar", PREFER),
                        node("nodeA").taint("foo", "bar", NO_SCHEDULE), "node(s) had untolerated taint {foo: bar}"),
                Arguments.of("The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node",
                        pod("pod1").toleration("foo", "Equal", "bar", null),
                        node("nodeA").taint("foo", "bar", NO_SCHEDULE), null),
                Arguments.of("The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
                        pod("pod1").toleration("dedicated", "Equal", "user2", NO_SCHEDULE),
                        node("nodeA").taint("dedicated", "user1", PREFER), null),
                Arguments.of("The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
                        pod("pod1"), node("nodeA").taint("dedicated", "user1", PREFER), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterCases")
    void filter(String name, PodMaker pod, NodeMaker node, String wantReason) {
        Status got = plugin.filter(new CycleState(), pod.info(), node.info());
        if (wantReason == null) {
            assertThat(got.isSuccess()).as("filter status %s", got).isTrue();
        } else {
            assertThat(got.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
            assertThat(got.reasons()).containsExactly(wantReason);
        }
    }

    static Stream<Arguments> scoreCases() {
        return Stream.of(
                Arguments.of("node with taints tolerated by the pod, gets a higher score than those node with intolerable taints",
                        pod("pod1").toleration("foo", "Equal", "bar", PREFER),
                        List.of(node("nodeA").taint("foo", "bar", PREFER), node("nodeB").taint("foo", "blah", PREFER)),
                        new long[] {100, 0}),
                Arguments.of("the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has",
                        pod("pod1").toleration("cpu-type", "Equal", "arm64", PREFER).toleration("disk-type", "Equal", "ssd", PREFER),
                        List.of(node("nodeA"), node("nodeB").taint("cpu-type", "arm64", PREFER),
                                node("nodeC").taint("cpu-type", "arm64", PREFER).taint("disk-type", "ssd", PREFER)),
                        new long[] {100, 100, 100}),
                Arguments.of("the more intolerable taints a node has, the lower score it gets.",
                        pod("pod1").toleration("foo", "Equal", "bar", PREFER),
                        List.of(node("nodeA"), node("nodeB").taint("cpu-type", "arm64", PREFER),
                                node("nodeC").taint("cpu-type", "arm64", PREFER).taint("disk-type", "ssd", PREFER)),
                        new long[] {100, 50, 0}),
                Arguments.of("only taints and tolerations that have effect PreferNoSchedule are checked by taints-tolerations priority function",
                        pod("pod1").toleration("cpu-type", "Equal", "arm64", NO_SCHEDULE).toleration("disk-type", "Equal", "ssd", NO_SCHEDULE),
                        List.of(node("nodeA"), node("nodeB").taint("cpu-type", "arm64", NO_SCHEDULE),
                                node("nodeC").taint("cpu-type", "arm64", PREFER).taint("disk-type", "ssd", PREFER)),
                        new long[] {100, 100, 0}),
                Arguments.of("Default behaviour No taints and tolerations, lands on node with no taints",
                        pod("pod1"), List.of(node("nodeA"), node("nodeB").taint("cpu-type", "arm64", PREFER)),
                        new long[] {100, 0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoreCases")
    void score(String name, PodMaker pod, List<NodeMaker> nodes, long[] want) {
        List<NodeInfo> infos = nodes.stream().map(NodeMaker::info).toList();
        assertThat(scores(plugin, pod.info(), infos)).containsExactly(want);
    }
}
