package dev.sandtable.scheduler.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ported from kube-scheduler v1.31 pkg/scheduler/schedule_one_test.go (TestNumFeasibleNodesToFind). A profile's
 * percentageOfNodesToScore, when set, wins over the global one; 0 / unset means adaptive.
 */
class NumFeasibleNodesToFindTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("not set percentageOfNodesToScore and nodes number not more than 50", 0, null, 10, 10),
                Arguments.of("set profile percentageOfNodesToScore and nodes number not more than 50", 0, 40, 10, 10),
                Arguments.of("not set percentageOfNodesToScore and nodes number more than 50", 0, null, 1000, 420),
                Arguments.of("set profile percentageOfNodesToScore and nodes number more than 50", 0, 40, 1000, 400),
                Arguments.of("set global and profile percentageOfNodesToScore and nodes number more than 50", 100, 40, 1000, 400),
                Arguments.of("set global percentageOfNodesToScore and nodes number more than 50", 40, null, 1000, 400),
                Arguments.of("not set profile percentageOfNodesToScore and nodes number more than 50*125", 0, null, 6000, 300),
                Arguments.of("set profile percentageOfNodesToScore and nodes number more than 50*125", 0, 40, 6000, 2400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void numFeasibleNodesToFind(String name, int global, Integer profile, int numAllNodes, int want) {
        int percentage = profile != null ? profile : global;
        assertThat(Framework.numFeasibleNodesToFind(percentage, numAllNodes)).isEqualTo(want);
    }
}
