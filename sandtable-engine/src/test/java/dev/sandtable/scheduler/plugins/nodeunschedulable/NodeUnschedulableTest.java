package dev.sandtable.scheduler.plugins.nodeunschedulable;

import static dev.sandtable.scheduler.TestObjects.node;
import static dev.sandtable.scheduler.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.TestObjects.PodMaker;
import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ported from kube-scheduler v1.31 pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable_test.go. */
class NodeUnschedulableTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)", pod(), true, false),
                Arguments.of("Schedule pod to normal node", pod(), false, true),
                Arguments.of("Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)",
                        pod().toleration("node.kubernetes.io/unschedulable", null, null, "NoSchedule"), true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filter(String name, PodMaker pod, boolean unschedulable, boolean fits) {
        Status got = new NodeUnschedulable().filter(new CycleState(), pod.info(), node("n").unschedulable(unschedulable).info());
        if (fits) {
            assertThat(got.isSuccess()).isTrue();
        } else {
            assertThat(got.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
            assertThat(got.reasons()).containsExactly(NodeUnschedulable.ERR_REASON_UNSCHEDULABLE);
        }
    }
}
