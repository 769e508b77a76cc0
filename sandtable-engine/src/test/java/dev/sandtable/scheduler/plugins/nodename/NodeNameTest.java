package dev.sandtable.scheduler.plugins.nodename;

import static dev.sandtable.scheduler.TestObjects.node;
import static dev.sandtable.scheduler.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ported from kube-scheduler v1.31 pkg/scheduler/framework/plugins/nodename/node_name_test.go (TestNodeName). */
class NodeNameTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no host specified", null, "", true),
                Arguments.of("host matches", "foo", "foo", true),
                Arguments.of("host doesn't match", "bar", "foo", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filter(String name, String podNodeName, String nodeName, boolean fits) {
        Status got = new NodeName().filter(new CycleState(), pod().node(podNodeName).info(), node(nodeName).info());
        if (fits) {
            assertThat(got.isSuccess()).isTrue();
        } else {
            assertThat(got.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
            assertThat(got.reasons()).containsExactly(NodeName.ERR_REASON);
        }
    }
}
