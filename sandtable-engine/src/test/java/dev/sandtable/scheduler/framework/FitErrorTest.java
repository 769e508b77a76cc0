package dev.sandtable.scheduler.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ported from kube-scheduler pkg/scheduler/framework/types_test.go (TestFitError_Error). Case names are upstream's. */
class FitErrorTest {
    private static final String PRE = "Node(s) failed PreFilter plugin FalsePreFilter";
    private static final String POST = "Error running PostFilter plugin FailedPostFilter";
    private static final String F1 = "Node(s) failed Filter plugin FalseFilter-1";
    private static final String F2 = "Node(s) failed Filter plugin FalseFilter-2";

    private static List<Status> statuses(String... reasons) {
        List<Status> out = new ArrayList<>();
        for (String r : reasons) {
            out.add(Status.unschedulable("", r));
        }
        return out;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("nodes failed Prefilter plugin", 3, PRE, statuses(PRE, PRE, PRE), null,
                        "0/3 nodes are available: Node(s) failed PreFilter plugin FalsePreFilter."),
                Arguments.of("nodes failed Prefilter plugin and the preemption also failed", 3, PRE, statuses(PRE, PRE, PRE), POST,
                        "0/3 nodes are available: Node(s) failed PreFilter plugin FalsePreFilter. Error running PostFilter plugin FailedPostFilter"),
                Arguments.of("nodes failed one Filter plugin with an empty PostFilterMsg", 3, null, statuses(F1, F1, F1), null,
                        "0/3 nodes are available: 3 Node(s) failed Filter plugin FalseFilter-1."),
                Arguments.of("nodes failed one Filter plugin with a non-empty PostFilterMsg", 3, null, statuses(F1, F1, F1), POST,
                        "0/3 nodes are available: 3 Node(s) failed Filter plugin FalseFilter-1. Error running PostFilter plugin FailedPostFilter"),
                Arguments.of("nodes failed two Filter plugins with an empty PostFilterMsg", 3, null, statuses(F1, F1, F2), null,
                        "0/3 nodes are available: 1 Node(s) failed Filter plugin FalseFilter-2, 2 Node(s) failed Filter plugin FalseFilter-1."),
                Arguments.of("nodes failed two Filter plugins with a non-empty PostFilterMsg", 3, null, statuses(F1, F1, F2), POST,
                        "0/3 nodes are available: 1 Node(s) failed Filter plugin FalseFilter-2, 2 Node(s) failed Filter plugin FalseFilter-1. Error running PostFilter plugin FailedPostFilter"),
                Arguments.of("failed to Permit on node", 1, null, statuses("Node failed Permit plugin Permit-1"), null,
                        "0/1 nodes are available: 1 Node failed Permit plugin Permit-1."),
                Arguments.of("failed to Reserve on node", 1, null, statuses("Node failed Reserve plugin Reserve-1"), null,
                        "0/1 nodes are available: 1 Node failed Reserve plugin Reserve-1."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void error(String name, int numAllNodes, String preFilterMsg, List<Status> statuses, String postFilterMsg, String want) {
        Status preFilter = preFilterMsg == null ? null : Status.unschedulable("FalsePreFilter", preFilterMsg);
        assertThat(FitError.message(numAllNodes, preFilter, statuses, postFilterMsg)).isEqualTo(want);
    }
}
