package dev.sandtable.controller.podautoscaler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ported from kube-controller-manager pkg/controller/podautoscaler/replica_calculator_test.go: every
 * TestReplicaCalc* case, with upstream's test names, inputs and expected outputs, run through upstream's test harness
 * shape (pods test-pod-N with two containers, each requesting the resource and reporting the level).
 */
class ReplicaCalculatorTest {
    static final long NOW = Instant.parse("2026-01-01T12:00:00Z").toEpochMilli();
    /** Upstream's testing calculator: tolerance 0.1, CPU initialization 2 minutes, initial readiness delay 10 s. */
    static final Duration CPU_INIT = Duration.ofMinutes(2);
    static final Duration READINESS_DELAY = Duration.ofSeconds(10);
    static final String HOT = "hot", COOL = "cool";
    static final int CONTAINERS = 2;

    enum Type { RESOURCE, OBJECT, OBJECT_PER_POD, EXTERNAL, EXTERNAL_PER_POD, PODS }

    /** One upstream test case; arrays of null mean "upstream's default" (ready, running, zero start time). */
    record Case(String name, Type type, int currentReplicas, int expectedReplicas, String expectedError, String resource, String[] requests,
                long[] levels, String[] podNames, long target, long expectedUtilization, long expectedValue, String[] readiness, String[] startTimes,
                String[] phases, boolean[] deleting) {
    }

    static final class Builder {
        String name;
        Type type = Type.RESOURCE;
        int current, expected;
        String error;
        String resource = "cpu";
        String[] requests = {};
        long[] levels = {};
        String[] podNames;
        long target, utilization, value;
        String[] readiness, starts, phases;
        boolean[] deleting;

        Builder(String name) {
            this.name = name;
        }

        Builder replicas(int current, int expected) {
            this.current = current;
            this.expected = expected;
            return this;
        }

        Builder cpu(String[] requests, long... levels) {
            this.requests = requests;
            this.levels = levels;
            return this;
        }

        Builder metric(Type type, long... levels) {
            this.type = type;
            this.levels = levels;
            return this;
        }

        Builder target(long target, long utilization, long value) {
            this.target = target;
            this.utilization = utilization;
            this.value = value;
            return this;
        }

        Builder ready(String... r) {
            readiness = r;
            return this;
        }

        Builder starts(String... s) {
            starts = s;
            return this;
        }

        Builder phases(String... p) {
            phases = p;
            return this;
        }

        Builder deleting(boolean... d) {
            deleting = d;
            return this;
        }

        Builder error(String e) {
            error = e;
            return this;
        }

        Builder podNames(String... n) {
            podNames = n;
            return this;
        }

        Arguments build() {
            return Arguments.of(new Case(name, type, current, expected, error, resource, requests, levels, podNames, target, utilization, value,
                    readiness, starts, phases, deleting));
        }
    }

    static Builder c(String name) {
        return new Builder(name);
    }

    static String[] ones(int n) {
        String[] r = new String[n];
        Arrays.fill(r, "1.0");
        return r;
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        out.add(c("TestReplicaCalcDisjointResourcesMetrics").replicas(1, 0).cpu(ones(1), 100).podNames("an-older-pod-name").target(100, 0, 0)
                .error("no metrics returned matched known pods").build());
        out.add(c("TestReplicaCalcScaleUp").replicas(3, 5).cpu(ones(3), 300, 500, 700).target(30, 50, CONTAINERS * 500).build());
        out.add(c("TestReplicaCalcScaleUpUnreadyLessScale").replicas(3, 4).ready("False", "True", "True").cpu(ones(3), 300, 500, 700)
                .target(30, 60, CONTAINERS * 600).build());
        out.add(c("TestReplicaCalcScaleUpHotCpuLessScale").replicas(3, 4).starts(HOT, COOL, COOL).cpu(ones(3), 300, 500, 700)
                .target(30, 60, CONTAINERS * 600).build());
        out.add(c("TestReplicaCalcScaleUpUnreadyNoScale").replicas(3, 3).ready("True", "False", "False").cpu(ones(3), 400, 500, 700)
                .target(30, 40, CONTAINERS * 400).build());
        out.add(c("TestReplicaCalcScaleHotCpuNoScale").replicas(3, 3).ready("True", "False", "False").starts(COOL, HOT, HOT)
                .cpu(ones(3), 400, 500, 700).target(30, 40, CONTAINERS * 400).build());
        out.add(c("TestReplicaCalcScaleUpIgnoresFailedPods").replicas(2, 4).ready("True", "True", "False", "False")
                .phases("Running", "Running", "Failed", "Failed").cpu(ones(4), 500, 700).target(30, 60, CONTAINERS * 600).build());
        out.add(c("TestReplicaCalcScaleUpIgnoresDeletionPods").replicas(2, 4).ready("True", "True", "False", "False")
                .phases("Running", "Running", "Running", "Running").deleting(false, false, true, true).cpu(ones(4), 500, 700)
                .target(30, 60, CONTAINERS * 600).build());
        out.add(c("TestReplicaCalcScaleUpCM").replicas(3, 4).metric(Type.PODS, 20000, 10000, 30000).target(15000, 20000, 0).build());
        out.add(c("TestReplicaCalcScaleUpCMUnreadyHotCpuNoLessScale").replicas(3, 6).ready("True", "True", "False").starts(COOL, COOL, HOT)
                .metric(Type.PODS, 50000, 10000, 30000).target(15000, 30000, 0).build());
        out.add(c("TestReplicaCalcScaleUpCMUnreadyHotCpuScaleWouldScaleDown").replicas(3, 7).ready("False", "True", "False").starts(HOT, COOL, HOT)
                .metric(Type.PODS, 50000, 15000, 30000).target(15000, 31666, 0).build());
        out.add(c("TestReplicaCalcScaleUpCMObject").replicas(3, 4).metric(Type.OBJECT, 20000).target(15000, 20000, 0).build());
        out.add(c("TestReplicaCalcScaleUpCMPerPodObject").replicas(3, 4).metric(Type.OBJECT_PER_POD, 20000).target(5000, 6667, 0).build());
        out.add(c("TestReplicaCalcScaleUpCMObjectIgnoresUnreadyPods").replicas(3, 5).ready("False", "True", "False")
                .metric(Type.OBJECT, 50000).target(10000, 50000, 0).build());
        out.add(c("TestReplicaCalcScaleUpCMExternal").replicas(1, 2).metric(Type.PODS, 8600).target(4400, 8600, 0).build());
        out.add(c("TestReplicaCalcScaleUpCMExternalIgnoresUnreadyPods").replicas(3, 2).ready("False", "True", "False")
                .metric(Type.EXTERNAL, 8600).target(4400, 8600, 0).build());
        out.add(c("TestReplicaCalcScaleUpCMExternalNoLabels").replicas(1, 2).metric(Type.PODS, 8600).target(4400, 8600, 0).build());
        out.add(c("TestReplicaCalcScaleUpPerPodCMExternal").replicas(3, 4).metric(Type.EXTERNAL_PER_POD, 8600).target(2150, 2867, 0).build());
        out.add(c("TestReplicaCalcScaleDown").replicas(5, 3).cpu(ones(5), 100, 300, 500, 250, 250).target(50, 28, CONTAINERS * 280).build());
        out.add(c("TestReplicaCalcScaleDownCM").replicas(5, 3).metric(Type.PODS, 12000, 12000, 12000, 12000, 12000).target(20000, 12000, 0).build());
        out.add(c("TestReplicaCalcScaleDownPerPodCMObject").replicas(5, 3).metric(Type.OBJECT_PER_POD, 6000).target(2000, 1200, 0).build());
        out.add(c("TestReplicaCalcScaleDownCMObject").replicas(5, 3).metric(Type.OBJECT, 12000).target(20000, 12000, 0).build());
        out.add(c("TestReplicaCalcScaleDownCMExternal").replicas(5, 3).metric(Type.EXTERNAL, 8600).target(14334, 8600, 0).build());
        out.add(c("TestReplicaCalcScaleDownPerPodCMExternal").replicas(5, 3).metric(Type.EXTERNAL_PER_POD, 8600).target(2867, 1720, 0).build());
        out.add(c("TestReplicaCalcScaleDownIncludeUnreadyPods").replicas(5, 2).ready("True", "True", "True", "False", "False")
                .cpu(ones(5), 100, 300, 500, 250, 250).target(50, 30, CONTAINERS * 300).build());
        out.add(c("TestReplicaCalcScaleDownExcludeUnscheduledPods").replicas(5, 1).ready("True", "False", "False", "False", "False")
                .phases("Running", "Pending", "Pending", "Pending", "Pending").cpu(ones(5), 100).target(50, 10, CONTAINERS * 100).build());
        out.add(c("TestReplicaCalcScaleDownIgnoreHotCpuPods").replicas(5, 2).starts(COOL, COOL, COOL, HOT, HOT)
                .cpu(ones(5), 100, 300, 500, 250, 250).target(50, 30, CONTAINERS * 300).build());
        out.add(c("TestReplicaCalcScaleDownIgnoresFailedPods").replicas(5, 3).ready("True", "True", "True", "True", "True", "False", "False")
                .phases("Running", "Running", "Running", "Running", "Running", "Failed", "Failed").cpu(ones(7), 100, 300, 500, 250, 250)
                .target(50, 28, CONTAINERS * 280).build());
        out.add(c("TestReplicaCalcScaleDownIgnoresDeletionPods").replicas(5, 3).ready("True", "True", "True", "True", "True", "False", "False")
                .phases("Running", "Running", "Running", "Running", "Running", "Running", "Running")
                .deleting(false, false, false, false, false, true, true).cpu(ones(7), 100, 300, 500, 250, 250).target(50, 28, CONTAINERS * 280).build());
        out.add(c("TestReplicaCalcTolerance").replicas(3, 3).cpu(new String[] {"0.9", "1.0", "1.1"}, 1010, 1030, 1020)
                .target(100, 102, CONTAINERS * 1020).build());
        out.add(c("TestReplicaCalcToleranceCM").replicas(3, 3).metric(Type.PODS, 20000, 21000, 21000).target(20000, 20666, 0).build());
        out.add(c("TestReplicaCalcToleranceCMObject").replicas(3, 3).metric(Type.OBJECT, 20666).target(20000, 20666, 0).build());
        out.add(c("TestReplicaCalcTolerancePerPodCMObject").replicas(4, 4).metric(Type.OBJECT_PER_POD, 20166).target(5000, 5042, 0).build());
        out.add(c("TestReplicaCalcToleranceCMExternal").replicas(3, 3).metric(Type.EXTERNAL, 8600).target(8888, 8600, 0).build());
        out.add(c("TestReplicaCalcTolerancePerPodCMExternal").replicas(3, 3).metric(Type.EXTERNAL_PER_POD, 8600).target(2900, 2867, 0).build());
        out.add(c("TestReplicaCalcSuperfluousMetrics").replicas(4, 24).cpu(ones(4), 4000, 9500, 3000, 7000, 3200, 2000)
                .target(100, 587, CONTAINERS * 5875).build());
        out.add(c("TestReplicaCalcMissingMetrics").replicas(4, 3).cpu(ones(4), 400, 95).target(100, 24, 495).build());
        out.add(c("TestReplicaCalcEmptyMetrics").replicas(4, 0).cpu(ones(3)).target(100, 0, 0)
                .error("unable to get metrics for resource cpu: no metrics returned from resource metrics API").build());
        out.add(c("TestReplicaCalcEmptyCPURequest").replicas(1, 0).cpu(new String[] {}, 200).target(100, 0, 0).error("missing request for").build());
        out.add(c("TestReplicaCalcMissingMetricsNoChangeEq").replicas(2, 2).cpu(ones(2), 1000).target(100, 100, CONTAINERS * 1000).build());
        out.add(c("TestReplicaCalcMissingMetricsNoChangeGt").replicas(2, 2).cpu(ones(2), 1900).target(100, 190, CONTAINERS * 1900).build());
        out.add(c("TestReplicaCalcMissingMetricsNoChangeLt").replicas(2, 2).cpu(ones(2), 600).target(100, 60, CONTAINERS * 600).build());
        out.add(c("TestReplicaCalcMissingMetricsUnreadyChange").replicas(3, 3).ready("False", "True", "True").cpu(ones(3), 100, 450)
                .target(50, 45, CONTAINERS * 450).build());
        out.add(c("TestReplicaCalcMissingMetricsHotCpuNoChange").replicas(3, 3).starts(HOT, COOL, COOL).cpu(ones(3), 100, 450)
                .target(50, 45, CONTAINERS * 450).build());
        out.add(c("TestReplicaCalcMissingMetricsUnreadyScaleUp").replicas(3, 4).ready("False", "True", "True").cpu(ones(3), 100, 2000)
                .target(50, 200, CONTAINERS * 2000).build());
        out.add(c("TestReplicaCalcMissingMetricsHotCpuScaleUp").replicas(3, 4).ready("False", "True", "True").starts(HOT, COOL, COOL)
                .cpu(ones(3), 100, 2000).target(50, 200, CONTAINERS * 2000).build());
        out.add(c("TestReplicaCalcMissingMetricsUnreadyScaleDown").replicas(4, 3).ready("False", "True", "True", "True").cpu(ones(4), 100, 100, 100)
                .target(50, 10, CONTAINERS * 100).build());
        // TestReplicaCalcComputedToleranceAlgImplementation: computed as upstream computes it, then 0.004 above (no change).
        out.add(computedTolerance(0.01));
        out.add(computedTolerance(0.004));
        return out.stream();
    }

    private static Arguments computedTolerance(double margin) {
        int startPods = 10;
        long totalUsed = startPods * 150L;
        int totalRequested = (int) (2 * totalUsed);
        double requestedToUsed = (double) (totalRequested / (int) totalUsed);
        int perPodRequested = totalRequested / startPods;
        double target = Math.abs(1 / (requestedToUsed * (1 - ReplicaCalculator.DEFAULT_TOLERANCE))) + margin;
        int finalTarget = (int) (target * 100);
        double usedRatio = (double) totalUsed / (totalRequested * target);
        int finalPods = margin > 0.005 ? (int) Math.ceil(usedRatio * startPods) : startPods;
        int[] deltas = {100, -100, 10, -10, 2, -2, 1, -1, 0, 0};
        String[] requests = new String[10];
        long[] levels = new long[10];
        for (int i = 0; i < 10; i++) {
            requests[i] = (perPodRequested + deltas[i]) + "m";
            levels[i] = totalUsed / 10;
        }
        return c("TestReplicaCalcComputedToleranceAlgImplementation (+" + margin + ")").replicas(startPods, finalPods).cpu(requests, levels)
                .target(finalTarget, totalUsed * 100 / totalRequested, CONTAINERS * totalUsed / 10).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void proposesTheReplicasUpstreamProposes(Case tc) {
        List<Pod> pods = pods(tc);
        ReplicaCalculator calc = new ReplicaCalculator(new FakeMetrics(tc), ReplicaCalculator.DEFAULT_TOLERANCE, CPU_INIT, READINESS_DELAY);
        CrossVersionObjectReference object = new CrossVersionObjectReference("apps/v1", "Deployment", "some-deployment");
        LabelSelector selector = new LabelSelector(null, Map.of("label", "value"));
        Supplier<ReplicaCalculator.Proposal> run = () -> switch (tc.type()) {
            case RESOURCE -> calc.resourceReplicas(tc.currentReplicas(), (int) tc.target(), tc.resource(), "test-namespace", pods, null, NOW);
            case PODS -> calc.podsMetricReplicas(tc.currentReplicas(), tc.target(), "qps", "test-namespace", pods, null, NOW);
            case OBJECT -> calc.objectMetricReplicas(tc.currentReplicas(), tc.target(), "qps", "test-namespace", object, pods, null);
            case OBJECT_PER_POD -> calc.objectPerPodMetricReplicas(tc.currentReplicas(), tc.target(), "qps", "test-namespace", object, null);
            case EXTERNAL -> calc.externalMetricReplicas(tc.currentReplicas(), tc.target(), "qps", "test-namespace", selector, pods);
            case EXTERNAL_PER_POD -> calc.externalPerPodMetricReplicas(tc.currentReplicas(), tc.target(), "qps", "test-namespace", selector);
        };
        if (tc.expectedError() != null) {
            assertThatThrownBy(run::get).isInstanceOf(MetricsUnavailableException.class).hasMessageContaining(tc.expectedError());
            return;
        }
        ReplicaCalculator.Proposal p = run.get();
        assertThat(p.replicas()).as("replicas").isEqualTo(tc.expectedReplicas());
        assertThat(p.utilization()).as("utilization").isEqualTo(tc.expectedUtilization());
        if (tc.type() == Type.RESOURCE) {
            assertThat(p.rawUtilization()).as("raw value").isEqualTo(tc.expectedValue());
        }
    }

    /** The pods upstream's fake client lists: max(currentReplicas, len(phases)) pods with two containers each. */
    static List<Pod> pods(Case tc) {
        int count = Math.max(tc.currentReplicas(), tc.phases() == null ? 0 : tc.phases().length);
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String ready = tc.readiness() != null && i < tc.readiness().length ? tc.readiness()[i] : "True";
            String start = tc.startTimes() == null ? null : tc.startTimes()[i];
            String phase = tc.phases() == null ? "Running" : tc.phases()[i];
            boolean deleting = tc.deleting() != null && tc.deleting()[i];
            String quantity = tc.type() == Type.RESOURCE && i < tc.requests().length ? tc.requests()[i] : null;
            pods.add(pod("test-pod-" + i, phase, ready, start, deleting, tc.resource(), quantity));
        }
        return pods;
    }

    static Pod pod(String name, String phase, String ready, String start, boolean deleting, String resource, String request) {
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        meta.setNamespace("test-namespace");
        meta.setLabels(Map.of("name", "test-pod"));
        if (deleting) {
            meta.setDeletionTimestamp(Instant.ofEpochMilli(NOW).toString());
        }
        PodSpec spec = new PodSpec();
        List<Container> containers = new ArrayList<>();
        for (int c = 0; c < CONTAINERS; c++) {
            Container container = new Container();
            container.setName("container" + c);
            if (request != null) {
                container.setResources(new ResourceRequirements(null, null, Map.of(resource, new Quantity(request))));
            }
            containers.add(container);
        }
        spec.setContainers(containers);
        PodStatus status = new PodStatus();
        status.setPhase(phase);
        // An unset metav1.Time is Go's zero time; hot pods started now, cool ones 3 minutes ago.
        status.setStartTime(start == null ? "0001-01-01T00:00:00Z"
                : Instant.ofEpochMilli(start.equals(HOT) ? NOW : NOW - Duration.ofMinutes(3).toMillis()).toString());
        PodCondition c = new PodCondition();
        c.setType("Ready");
        c.setStatus(ready);
        status.setConditions(List.of(c));
        Pod p = new Pod();
        p.setMetadata(meta);
        p.setSpec(spec);
        p.setStatus(status);
        return p;
    }

    /** Upstream's fake metrics clients: every pod's two containers report the level; timestamps are Go's zero time, windows 1 minute. */
    record FakeMetrics(Case tc) implements MetricsClient {
        @Override
        public Map<String, PodMetric> resourceMetric(String resource, String namespace, List<Pod> pods, String container) {
            Map<String, PodMetric> out = new LinkedHashMap<>();
            for (int i = 0; i < tc.levels().length; i++) {
                String name = tc.podNames() != null && i < tc.podNames().length ? tc.podNames()[i] : "test-pod-" + i;
                out.put(name, new PodMetric(CONTAINERS * tc.levels()[i], ReplicaCalculator.ZERO_TIME, 60_000));
            }
            if (out.isEmpty()) {
                throw new MetricsUnavailableException("no metrics returned from resource metrics API");
            }
            return out;
        }

        @Override
        public Map<String, PodMetric> podsMetric(String metric, String namespace, List<Pod> pods, LabelSelector metricSelector) {
            Map<String, PodMetric> out = new LinkedHashMap<>();
            for (int i = 0; i < tc.levels().length; i++) {
                out.put("test-pod-" + i, new PodMetric(tc.levels()[i], ReplicaCalculator.ZERO_TIME, 0));
            }
            return out;
        }

        @Override
        public PodMetric objectMetric(String metric, String namespace, CrossVersionObjectReference object, LabelSelector metricSelector) {
            return new PodMetric(tc.levels()[0], ReplicaCalculator.ZERO_TIME, 0);
        }

        @Override
        public List<Long> externalMetric(String metric, String namespace, LabelSelector metricSelector) {
            List<Long> out = new ArrayList<>();
            for (long l : tc.levels()) {
                out.add(l);
            }
            return out;
        }
    }
}
