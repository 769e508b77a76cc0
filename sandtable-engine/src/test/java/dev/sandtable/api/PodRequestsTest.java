package dev.sandtable.api;

import static dev.sandtable.scheduler.TestObjects.pod;
import static dev.sandtable.scheduler.TestObjects.res;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.TestObjects.PodMaker;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ported from k8s.io/component-helpers resource/helpers_test.go (TestPodResourceRequests, default options),
 * plus the scheduler's non-missing defaults (100m cpu, 200Mi memory) used for LeastAllocated scoring.
 */
class PodRequestsTest {
    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("nil options, larger init container", pod().init("cpu", "4").req("cpu", "1"), 4000L, 0L),
                Arguments.of("nil options, larger containers", pod().init("cpu", "2").req("cpu", "2").req("cpu", "3"), 5000L, 0L),
                Arguments.of("pod overhead included",
                        pod().init("cpu", "2").req("cpu", "2").req("cpu", "3").overhead("cpu", "1", "memory", "1Gi"),
                        6000L, 1L << 30),
                Arguments.of("restartable init container", pod().sidecar("cpu", "1").req("cpu", "1"), 2000L, 0L),
                Arguments.of("multiple restartable init containers",
                        pod().init("cpu", "5").sidecar("cpu", "1").sidecar("cpu", "2").sidecar("cpu", "3").req("cpu", "1"), 7000L, 0L),
                Arguments.of("multiple restartable and regular init containers",
                        pod().init("cpu", "5").sidecar("cpu", "1").sidecar("cpu", "2").init("cpu", "5").sidecar("cpu", "3").req("cpu", "1"),
                        8000L, 0L),
                Arguments.of("restartable-init, init and regular", pod().sidecar("cpu", "10").init("cpu", "200").req("cpu", "100"),
                        210000L, 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void podRequests(String name, PodMaker pod, long wantMilliCpu, long wantMemory) {
        Resources r = PodRequests.of(pod.obj().getSpec());
        assertThat(r.cpuMillis()).isEqualTo(wantMilliCpu);
        assertThat(r.memoryBytes()).isEqualTo(wantMemory);
    }

    static Stream<Arguments> nonZero() {
        long mi200 = 200L * 1024 * 1024;
        return Stream.of(
                Arguments.of("a container naming no requests counts 100m and 200Mi", pod().container(), 100L, mi200),
                Arguments.of("a request written as zero stays zero", pod().req("cpu", "0", "memory", "0"), 0L, 0L),
                Arguments.of("only the missing resource is defaulted", pod().req("cpu", "3"), 3000L, mi200),
                Arguments.of("a pod with no containers requests nothing", pod(), 0L, 0L),
                Arguments.of("init containers are defaulted too, and run beside earlier sidecars",
                        pod().req("cpu", "1", "memory", "1").sidecar("cpu", "500m", "memory", "1").init(), 1500L, mi200 + 1),
                Arguments.of("limits stand in for requests, as API defaulting sets them",
                        pod().reqLimits(null, res("cpu", "2", "memory", "1Gi")), 2000L, 1L << 30));
    }

    /** Sandtable's own cases pinning the NonMissingContainerRequests semantics PodInfo scores with. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("nonZero")
    void nonZeroRequests(String name, PodMaker pod, long wantMilliCpu, long wantMemory) {
        Resources r = PodRequests.nonZero(pod.obj().getSpec());
        assertThat(r.cpuMillis()).isEqualTo(wantMilliCpu);
        assertThat(r.memoryBytes()).isEqualTo(wantMemory);
    }
}
