package dev.sandtable.controller.podautoscaler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ExternalMetricSource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricIdentifier;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Controller-level cases of kube-controller-manager's horizontal_test.go (v1.31), through one sync of the
 * {@link Reconciler}: several metrics with one failing, stabilization, and min/max clamping, with upstream's names.
 */
class ReconcilerTest {
    static final long NOW = ReplicaCalculatorTest.NOW;

    private final Metrics metrics = new Metrics();
    private final Reconciler reconciler = new Reconciler(new ReplicaCalculator(metrics, 0.1, Duration.ofMinutes(2), Duration.ofSeconds(10)),
            new ReplicaNormalizer(Duration.ofMinutes(5)));

    /** CPU levels per pod (one container each, as upstream's controller tests); the external metric always fails. */
    static final class Metrics implements MetricsClient {
        long[] levels = {};

        @Override
        public Map<String, PodMetric> resourceMetric(String resource, String namespace, List<Pod> pods, String container) {
            Map<String, PodMetric> out = new LinkedHashMap<>();
            for (int i = 0; i < levels.length; i++) {
                out.put("test-pod-" + i, new PodMetric(levels[i], NOW, 60_000));
            }
            return out;
        }

        @Override
        public Map<String, PodMetric> podsMetric(String metric, String namespace, List<Pod> pods, LabelSelector metricSelector) {
            throw new MetricsUnavailableException("no metrics returned from custom metrics API");
        }

        @Override
        public PodMetric objectMetric(String metric, String namespace, CrossVersionObjectReference object, LabelSelector metricSelector) {
            throw new MetricsUnavailableException("no metrics returned from custom metrics API");
        }

        @Override
        public List<Long> externalMetric(String metric, String namespace, LabelSelector metricSelector) {
            throw new MetricsUnavailableException("something went wrong");
        }
    }

    private Decision sync(int min, int max, int specReplicas, int cpuTarget, List<MetricSpec> extra, long[] levels, String request, ScaleHistory history) {
        metrics.levels = levels;
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler();
        ObjectMeta meta = new ObjectMeta();
        meta.setName("test-hpa");
        meta.setNamespace("test-namespace");
        hpa.setMetadata(meta);
        HorizontalPodAutoscalerSpec spec = new HorizontalPodAutoscalerSpec();
        spec.setScaleTargetRef(new CrossVersionObjectReference("apps/v1", "Deployment", "test-rc"));
        spec.setMinReplicas(min);
        spec.setMaxReplicas(max);
        List<MetricSpec> metrics = new ArrayList<>();
        metrics.add(cpu(cpuTarget));
        metrics.addAll(extra);
        spec.setMetrics(metrics);
        hpa.setSpec(spec);
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            Pod p = ReplicaCalculatorTest.pod("test-pod-" + i, "Running", "True", null, false, "cpu", request);
            p.getSpec().setContainers(p.getSpec().getContainers().subList(0, 1));
            pods.add(p);
        }
        Deployment d = new Deployment();
        d.setMetadata(new ObjectMeta());
        d.setSpec(new DeploymentSpec());
        d.getSpec().setReplicas(specReplicas);
        d.setStatus(new DeploymentStatus());
        d.getStatus().setReplicas(specReplicas);
        return reconciler.reconcile(hpa, Optional.of(ScaleTarget.of(d)), null, pods, history, NOW);
    }

    static MetricSpec cpu(int target) {
        MetricTarget t = new MetricTarget();
        t.setType("Utilization");
        t.setAverageUtilization(target);
        MetricSpec m = new MetricSpec();
        m.setType("Resource");
        m.setResource(new ResourceMetricSource("cpu", t));
        return m;
    }

    static MetricSpec failingExternal(long targetMilli) {
        MetricTarget t = new MetricTarget();
        t.setType("Value");
        t.setValue(new Quantity(targetMilli + "m"));
        MetricSpec m = new MetricSpec();
        m.setType("External");
        m.setExternal(new ExternalMetricSource(new MetricIdentifier("qps", new LabelSelector()), t));
        return m;
    }

    static String reason(Decision d, String type) {
        return d.conditions().stream().filter(c -> c.type().equals(type)).findFirst().map(c -> c.status() + " " + c.reason()).orElse("");
    }

    @Test
    void scaleUpOneMetricEmptyStillScalesOnTheWorkingMetric() {
        Decision d = sync(2, 6, 3, 30, List.of(failingExternal(100)), new long[] {300, 400, 500}, "1.0", new ScaleHistory());
        assertThat(d.desiredReplicas()).isEqualTo(4);
        assertThat(d.events()).anyMatch(e -> e.reason().equals("SuccessfulRescale")
                && e.message().equals("New size: 4; reason: cpu resource utilization (percentage of request) above target"));
    }

    @Test
    void noScaleDownOneMetricEmptyKeepsTheReplicasAndSaysWhy() {
        Decision d = sync(2, 6, 5, 50, List.of(failingExternal(1000)), new long[] {100, 300, 500, 250, 250}, "1.0", new ScaleHistory());
        assertThat(d.desiredReplicas()).isEqualTo(5);
        assertThat(reason(d, "AbleToScale")).isEqualTo("True SucceededGetScale");
        assertThat(reason(d, "ScalingActive")).isEqualTo("False FailedGetExternalMetric");
    }

    @Test
    void noScaleDownOneMetricInvalidKeepsTheReplicas() {
        MetricSpec cheese = new MetricSpec();
        cheese.setType("CheddarCheese");
        Decision d = sync(2, 6, 5, 50, List.of(cheese), new long[] {100, 300, 500, 250, 250}, "1.0", new ScaleHistory());
        assertThat(d.desiredReplicas()).isEqualTo(5);
        assertThat(reason(d, "ScalingActive")).isEqualTo("False InvalidMetricSourceType");
    }

    @Test
    void stabilizeDownscaleKeepsTheHighestRecentRecommendation() {
        ScaleHistory h = new ScaleHistory(List.of(ReplicaNormalizerTest.rec(10, 10), ReplicaNormalizerTest.rec(4, 1)), List.of(), List.of());
        Decision d = sync(1, 5, 4, 100, List.of(), new long[] {50, 50, 50}, "0.1", h);
        assertThat(d.desiredReplicas()).isEqualTo(4);
        assertThat(reason(d, "AbleToScale")).isEqualTo("True ScaleDownStabilized");
    }

    @Test
    void scaleUpImmediatelyToTheMinimum() {
        Decision d = sync(2, 6, 1, 80, List.of(), new long[] {0, 0, 0, 0}, "1.0", new ScaleHistory());
        assertThat(d.desiredReplicas()).isEqualTo(2);
        assertThat(d.events()).anyMatch(e -> e.message().equals("New size: 2; reason: Current number of replicas below Spec.MinReplicas"));
        assertThat(reason(d, "AbleToScale")).isEqualTo("True SucceededRescale");
    }

    @Test
    void scaleDownImmediatelyToTheMaximum() {
        Decision d = sync(2, 5, 6, 50, List.of(), new long[] {8000, 9500, 1000}, "1.0", new ScaleHistory());
        assertThat(d.desiredReplicas()).isEqualTo(5);
        assertThat(d.events()).anyMatch(e -> e.message().equals("New size: 5; reason: Current number of replicas above Spec.MaxReplicas"));
    }

    @Test
    void scaleUpWithoutBehaviorIsLimitedToTwiceTheCurrentReplicas() {
        Decision d = sync(1, 100, 3, 10, List.of(), new long[] {1000, 1000, 1000}, "1.0", new ScaleHistory());
        assertThat(d.metricDesiredReplicas()).isEqualTo(30);
        assertThat(d.desiredReplicas()).isEqualTo(6);
        assertThat(reason(d, "ScalingLimited")).isEqualTo("True ScaleUpLimit");
    }
}
