package dev.sandtable.autoscaler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.autoscaler.config.AutoscalingOptions;
import dev.sandtable.autoscaler.config.NodeGroupOptions;
import dev.sandtable.autoscaler.scaledown.Eligibility;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.testing.Yaml;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * cluster-autoscaler 1.31 core/scaledown/eligibility/eligibility_test.go (TestFilterOutUnremovable), ported as data:
 * 7 cases run with ignore-daemonsets-utilization false and 9 with it true (upstream's second run re-adds the 7 base
 * cases without the suffix and then appends the two DaemonSet cases), 16 in all.
 */
class EligibilityTableTest {

    static Node node(String name, boolean ready, String extraMeta, String taints) {
        return Yaml.read(Node.class, """
                apiVersion: v1
                kind: Node
                metadata: {name: %s%s}
                spec: {taints: [%s]}
                status:
                  capacity: {cpu: 1000m, memory: "10", pods: "100"}
                  allocatable: {cpu: 1000m, memory: "10", pods: "100"}
                  conditions: [{type: Ready, status: "%s"}]
                """.formatted(name, extraMeta, taints, ready ? "True" : "False"));
    }

    static Pod pod(String name, int milliCpu, boolean daemonSet) {
        return Yaml.read(Pod.class, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  namespace: default
                  uid: %s
                  ownerReferences: [%s]
                spec:
                  nodeName: regular
                  containers: [{name: c, image: i, resources: {requests: {cpu: %dm}}}]
                """.formatted(name, name, daemonSet ? "{apiVersion: apps/v1, kind: DaemonSet, name: ds, uid: ds, controller: true}" : "",
                milliCpu));
    }

    static final Node REGULAR = node("regular", true, "", "");
    static final Node JUST_DELETED = node("justDeleted", true, "", "{key: ToBeDeletedByClusterAutoscaler, value: \"1700000000\", effect: NoSchedule}");
    static final Node NO_SCALE_DOWN = node("noScaleDown", true, ", annotations: {cluster-autoscaler.kubernetes.io/scale-down-disabled: \"true\"}", "");
    static final Node UNREADY = node("unready", false, "", "");
    static final Pod BIG = pod("bigPod", 600, false);
    static final Pod SMALL = pod("smallPod", 100, false);
    static final Pod DS = pod("dsPod", 500, true);

    record Case(String desc, List<Node> nodes, List<Pod> pods, List<String> want, boolean scaleDownUnready, boolean ignoreDaemonSets) {
    }

    static List<Case> base(boolean ignoreDaemonSets, String suffix) {
        return List.of(
                new Case("regular node stays " + suffix, List.of(REGULAR), List.of(), List.of("regular"), true, ignoreDaemonSets),
                new Case("recently deleted node is filtered out " + suffix, List.of(REGULAR, JUST_DELETED), List.of(), List.of("regular"), true, ignoreDaemonSets),
                new Case("marked no scale down is filtered out " + suffix, List.of(NO_SCALE_DOWN, REGULAR), List.of(), List.of("regular"), true, ignoreDaemonSets),
                new Case("highly utilized node is filtered out " + suffix, List.of(REGULAR), List.of(BIG), List.of(), true, ignoreDaemonSets),
                new Case("underutilized node stays " + suffix, List.of(REGULAR), List.of(SMALL), List.of("regular"), true, ignoreDaemonSets),
                new Case("unready node stays " + suffix, List.of(UNREADY), List.of(), List.of("unready"), true, ignoreDaemonSets),
                new Case("unready node is filtered out when scale-down of unready is disabled " + suffix, List.of(UNREADY), List.of(), List.of(), false, ignoreDaemonSets));
    }

    static Stream<Arguments> cases() {
        List<Case> all = new ArrayList<>(base(false, "IgnoreDaemonSetUtilization=false"));
        // Upstream's second table is the unsuffixed base cases (ignore flag left false) plus the two DaemonSet cases.
        all.addAll(base(false, "(second run)"));
        all.add(new Case("high utilization daemonsets node is filtered out", List.of(REGULAR), List.of(SMALL, DS), List.of(), true, false));
        all.add(new Case("high utilization daemonsets node stays", List.of(REGULAR), List.of(SMALL, DS), List.of("regular"), true, true));
        return all.stream().map(c -> Arguments.of(c.desc(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filterOutUnremovableKeepsOnlyEligibleNodes(String desc, Case c) {
        NodeGroupOptions defaults = AutoscalingOptions.defaults().nodeGroupDefaults();
        NodeGroupOptions options = new NodeGroupOptions(defaults.scaleDownUtilizationThreshold(), defaults.scaleDownUnneededTime(),
                defaults.scaleDownUnreadyTime(), defaults.maxNodeProvisionTime(), c.ignoreDaemonSets(), null);
        List<String> eligible = new ArrayList<>();
        for (Node n : c.nodes()) {
            NodeInfo info = new NodeInfo(n);
            for (Pod p : c.pods()) {
                if (n.getMetadata().getName().equals(p.getSpec().getNodeName())) {
                    info.addPod(p.getMetadata().getUid(), new PodInfo(p));
                }
            }
            if (Eligibility.check(info, options, c.scaleDownUnready()).eligible()) {
                eligible.add(n.getMetadata().getName());
            }
        }
        assertThat(eligible).containsExactlyElementsOf(c.want());
    }
}
