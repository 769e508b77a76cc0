package dev.sandtable.controller.podautoscaler;

import dev.sandtable.api.Pods;
import dev.sandtable.api.Quantities;
import dev.sandtable.metrics.RecordedMetrics;
import dev.sandtable.sim.SimClock;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HPA decision as kube-controller-manager v1.31 would make it at the instant of the metrics given, with every
 * step: the pods and how each counts, each metric's usage, ratio and proposal, the stabilization and rate limits, the
 * min/max clamp, and desiredReplicas. The controller's memory (recent recommendations and scale events) is taken as
 * steady: the metrics have read the same for the whole stabilization window, and no scaling happened in any policy period.
 */
public record HpaExplanation(String hpa, String target, String at, int currentReplicas, int minReplicas, int maxReplicas, double tolerance,
                             List<PodRow> pods, List<MetricRow> metrics, int metricDesiredReplicas, String stabilization, String limits,
                             int desiredReplicas, String rescaleReason, List<Decision.Condition> conditions, List<Decision.Event> events) {

    /** A pod of the target with its status and metrics, and how the CPU rules count it. */
    public record PodRow(String name, String node, String phase, String ready, String startTime, String cpu, String memory, String countedAs) {
    }

    /** One metric's step. */
    public record MetricRow(String type, String name, String current, String target, double ratio, Integer proposedReplicas, String error) {
    }

    /** Explains the HPA's decision over the target and pods; now is the instant of the newest metrics sample. */
    public static HpaExplanation of(HorizontalPodAutoscaler hpa, HasMetadata targetObject, List<Pod> pods, RecordedMetrics metrics) {
        ScaleTarget scale = ScaleTarget.of(targetObject);
        if (scale.statusReplicas() == 0 && targetObject.getMetadata() != null) {
            scale = new ScaleTarget(targetObject, scale.specReplicas(), (int) pods.stream().filter(Pods::isActive).count(), scale.selector());
        }
        long now = now(pods, metrics);
        ReplicaCalculator calc = new ReplicaCalculator(metrics);
        ReplicaNormalizer normalizer = new ReplicaNormalizer(HorizontalController.DEFAULT_DOWNSCALE_STABILIZATION);
        Reconciler reconciler = new Reconciler(calc, normalizer);
        Decision first = reconciler.reconcile(hpa, Optional.of(scale), null, pods, new ScaleHistory(), now);
        int steady = first.metricDesiredReplicas() > 0 ? first.metricDesiredReplicas() : scale.specReplicas();
        ScaleHistory history = new ScaleHistory(List.of(new ScaleHistory.Recommendation(steady, now - 1000)), List.of(), List.of());
        Decision d = reconciler.reconcile(hpa, Optional.of(scale), null, pods, history, now);

        Map<String, String> groups;
        try {
            groups = calc.podGroups(pods, new HashMap<>(metrics.resourceMetric("cpu", hpa.getMetadata().getNamespace(), pods, null)), "cpu", now);
        } catch (MetricsUnavailableException e) {
            groups = calc.podGroups(pods, Map.of(), "cpu", now);
        }
        List<PodRow> rows = new ArrayList<>();
        for (Pod p : pods) {
            PodMetrics m = metrics.podMetrics(p.getMetadata().getNamespace(), p.getMetadata().getName());
            rows.add(new PodRow(p.getMetadata().getName(), p.getSpec() == null ? null : p.getSpec().getNodeName(), Pods.phase(p),
                    Pods.conditionStatus(p, "Ready") == null ? "-" : Pods.conditionStatus(p, "Ready"),
                    p.getStatus() == null ? null : p.getStatus().getStartTime(), usage(m, "cpu"), usage(m, "memory"), groups.get(p.getMetadata().getName())));
        }
        List<MetricRow> metricRows = new ArrayList<>();
        for (Decision.MetricResult r : d.metrics()) {
            metricRows.add(new MetricRow(r.type(), r.name(), r.current(), r.target(), Math.round(r.ratio() * 1000) / 1000.0, r.proposal(), r.error()));
        }
        return new HpaExplanation(d.hpa(), d.target(), Instant.ofEpochMilli(now).toString(), d.currentReplicas(), d.minReplicas(), d.maxReplicas(),
                d.tolerance(), rows, metricRows, d.metricDesiredReplicas(), stabilization(d), limits(d), d.desiredReplicas(), d.rescaleReason(),
                d.conditions(), d.events());
    }

    private static String stabilization(Decision d) {
        if (d.normalized() == null) {
            return "not applied (" + (d.metricDesiredReplicas() < 0 ? "no metric could be computed" : d.rescaleReason()) + ")";
        }
        Decision.Limits l = d.limits();
        String windows = l.behavior()
                ? "scale-up window " + l.scaleUp().stabilizationWindowSeconds() + " s, scale-down window " + l.scaleDown().stabilizationWindowSeconds() + " s"
                : "no behavior: scale-down window " + l.downscaleStabilizationSeconds() + " s (--horizontal-pod-autoscaler-downscale-stabilization)";
        return windows + "; recommendation " + d.metricDesiredReplicas() + " -> " + d.normalized().stabilized() + " (" + d.normalized().ableReason() + ")";
    }

    private static String limits(Decision d) {
        if (d.normalized() == null) {
            return "min " + d.minReplicas() + ", max " + d.maxReplicas();
        }
        Decision.Limits l = d.limits();
        String rules = l.behavior() ? "scaleUp " + policies(l.scaleUp()) + "; scaleDown " + policies(l.scaleDown())
                : "no behavior: scale-up limit max(2 x " + d.currentReplicas() + ", 4) = " + ReplicaNormalizer.scaleUpLimit(d.currentReplicas());
        return rules + "; min " + d.minReplicas() + ", max " + d.maxReplicas() + "; " + d.normalized().stabilized() + " -> " + d.normalized().replicas()
                + " (" + d.normalized().limitedReason() + ": " + d.normalized().limitedMessage() + ")";
    }

    private static String policies(ScalingRules r) {
        List<String> out = new ArrayList<>();
        for (ScalingRules.Policy p : r.policies()) {
            out.add(p.value() + (p.type().equals(ScalingRules.PERCENT) ? "%" : " pods") + " per " + p.periodSeconds() + " s");
        }
        return "selectPolicy " + r.selectPolicy() + " of [" + String.join(", ", out) + "]";
    }

    private static String usage(PodMetrics m, String resource) {
        if (m == null || m.getContainers() == null) {
            return null;
        }
        long sum = 0;
        for (ContainerMetrics c : m.getContainers()) {
            Quantity q = c.getUsage() == null ? null : c.getUsage().get(resource);
            if (q == null) {
                return null;
            }
            sum += Quantities.milliValue(q);
        }
        return resource.equals("cpu") ? Reconciler.milli(sum) : (sum / 1000 / 1048576) + "Mi";
    }

    /** The newest PodMetrics timestamp of the pods, else the newest pod timestamp: the instant the decision is made at. */
    static long now(List<Pod> pods, RecordedMetrics metrics) {
        long now = Long.MIN_VALUE;
        for (Pod p : pods) {
            PodMetrics m = metrics.podMetrics(p.getMetadata().getNamespace(), p.getMetadata().getName());
            if (m != null && m.getTimestamp() != null) {
                now = Math.max(now, Instant.parse(m.getTimestamp()).toEpochMilli());
            }
        }
        if (now != Long.MIN_VALUE) {
            return now;
        }
        for (Pod p : pods) {
            if (p.getStatus() != null && p.getStatus().getStartTime() != null) {
                now = Math.max(now, Instant.parse(p.getStatus().getStartTime()).toEpochMilli() + Duration.ofMinutes(10).toMillis());
            }
        }
        return now == Long.MIN_VALUE ? SimClock.DEFAULT_EPOCH.toEpochMilli() : now;
    }
}
