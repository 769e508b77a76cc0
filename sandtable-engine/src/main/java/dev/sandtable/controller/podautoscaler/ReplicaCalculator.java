package dev.sandtable.controller.podautoscaler;

import dev.sandtable.api.Pods;
import dev.sandtable.api.Quantities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The HPA replica calculator of kube-controller-manager v1.31 (pkg/controller/podautoscaler/replica_calculator.go):
 * proposes a replica count per metric from usage and target, within the tolerance, with unready pods and pods without
 * metrics counted the way upstream counts them on scale-up and scale-down.
 */
public final class ReplicaCalculator {
    /** Upstream's defaults: --horizontal-pod-autoscaler-tolerance, -cpu-initialization-period, -initial-readiness-delay. */
    public static final double DEFAULT_TOLERANCE = 0.1;
    public static final Duration DEFAULT_CPU_INITIALIZATION_PERIOD = Duration.ofMinutes(5);
    public static final Duration DEFAULT_INITIAL_READINESS_DELAY = Duration.ofSeconds(30);

    private final MetricsClient metrics;
    private final double tolerance;
    private final long cpuInitializationPeriodMillis;
    private final long delayOfInitialReadinessStatusMillis;

    public ReplicaCalculator(MetricsClient metrics, double tolerance, Duration cpuInitializationPeriod, Duration delayOfInitialReadinessStatus) {
        this.metrics = metrics;
        this.tolerance = tolerance;
        this.cpuInitializationPeriodMillis = cpuInitializationPeriod.toMillis();
        this.delayOfInitialReadinessStatusMillis = delayOfInitialReadinessStatus.toMillis();
    }

    public ReplicaCalculator(MetricsClient metrics) {
        this(metrics, DEFAULT_TOLERANCE, DEFAULT_CPU_INITIALIZATION_PERIOD, DEFAULT_INITIAL_READINESS_DELAY);
    }

    public double tolerance() {
        return tolerance;
    }

    /**
     * A proposal: the replica count, the current utilization (percent of request for utilization targets, else the
     * per-pod or total value in milli-units) and, for resource utilization, the raw average usage in milli-units.
     */
    public record Proposal(int replicas, long utilization, long rawUtilization) {
    }

    /** GetResourceReplicas: a Utilization target, in percent of the summed container requests. */
    public Proposal resourceReplicas(int currentReplicas, int targetUtilization, String resource, String namespace, List<Pod> pods,
                                     String container, long nowMillis) {
        Map<String, PodMetric> m = copy(fetch(() -> metrics.resourceMetric(resource, namespace, pods, container), "unable to get metrics for resource " + resource));
        if (pods.isEmpty()) {
            throw new MetricsUnavailableException("no pods returned by selector while calculating replica count");
        }
        Grouped g = groupPods(pods, m, resource, nowMillis);
        g.ignored.forEach(m::remove);
        g.unready.forEach(m::remove);
        Map<String, Long> requests = podRequests(pods, container, resource);
        if (m.isEmpty()) {
            throw new MetricsUnavailableException("did not receive metrics for targeted pods (pods might be unready)");
        }
        Utilization u = utilizationRatio(m, requests, targetUtilization);
        boolean scaleUpWithUnready = !g.unready.isEmpty() && u.ratio > 1.0;
        if (!scaleUpWithUnready && g.missing.isEmpty()) {
            if (Math.abs(1.0 - u.ratio) <= tolerance) {
                return new Proposal(currentReplicas, u.utilization, u.raw);
            }
            return new Proposal((int) Math.ceil(u.ratio * g.ready), u.utilization, u.raw);
        }
        if (!g.missing.isEmpty()) {
            if (u.ratio < 1.0) {
                // On a scale-down, a pod without metrics counts as using its whole request (or the target, when above 100%).
                long fallback = Math.max(100, targetUtilization);
                for (String name : g.missing) {
                    m.put(name, new PodMetric(requests.get(name) * fallback / 100, 0, 0));
                }
            } else if (u.ratio > 1.0) {
                for (String name : g.missing) {
                    m.put(name, new PodMetric(0, 0, 0));
                }
            }
        }
        if (scaleUpWithUnready) {
            for (String name : g.unready) {
                m.put(name, new PodMetric(0, 0, 0));
            }
        }
        double newRatio = utilizationRatio(m, requests, targetUtilization).ratio;
        if (Math.abs(1.0 - newRatio) <= tolerance || u.ratio < 1.0 && newRatio > 1.0 || u.ratio > 1.0 && newRatio < 1.0) {
            return new Proposal(currentReplicas, u.utilization, u.raw);
        }
        int newReplicas = (int) Math.ceil(newRatio * m.size());
        if (newRatio < 1.0 && newReplicas > currentReplicas || newRatio > 1.0 && newReplicas < currentReplicas) {
            return new Proposal(currentReplicas, u.utilization, u.raw);
        }
        return new Proposal(newReplicas, u.utilization, u.raw);
    }

    /** GetRawResourceReplicas: an AverageValue target for a resource, in milli-units per pod. */
    public Proposal rawResourceReplicas(int currentReplicas, long targetAverageMillis, String resource, String namespace, List<Pod> pods,
                                        String container, long nowMillis) {
        Map<String, PodMetric> m = copy(fetch(() -> metrics.resourceMetric(resource, namespace, pods, container), "unable to get metrics for resource " + resource));
        return plainMetricReplicas(m, currentReplicas, targetAverageMillis, pods, resource, nowMillis);
    }

    /** GetMetricReplicas: a Pods metric with an AverageValue target. */
    public Proposal podsMetricReplicas(int currentReplicas, long targetAverageMillis, String metric, String namespace, List<Pod> pods,
                                       LabelSelector metricSelector, long nowMillis) {
        Map<String, PodMetric> m = copy(fetch(() -> metrics.podsMetric(metric, namespace, pods, metricSelector), "unable to get metric " + metric));
        return plainMetricReplicas(m, currentReplicas, targetAverageMillis, pods, "", nowMillis);
    }

    private Proposal plainMetricReplicas(Map<String, PodMetric> m, int currentReplicas, long target, List<Pod> pods, String resource, long nowMillis) {
        if (pods.isEmpty()) {
            throw new MetricsUnavailableException("no pods returned by selector while calculating replica count");
        }
        Grouped g = groupPods(pods, m, resource, nowMillis);
        g.ignored.forEach(m::remove);
        g.unready.forEach(m::remove);
        if (m.isEmpty()) {
            throw new MetricsUnavailableException("did not receive metrics for targeted pods (pods might be unready)");
        }
        double[] r = usageRatio(m, target);
        double ratio = r[0];
        long utilization = (long) r[1];
        boolean scaleUpWithUnready = !g.unready.isEmpty() && ratio > 1.0;
        if (!scaleUpWithUnready && g.missing.isEmpty()) {
            if (Math.abs(1.0 - ratio) <= tolerance) {
                return new Proposal(currentReplicas, utilization, 0);
            }
            return new Proposal((int) Math.ceil(ratio * g.ready), utilization, 0);
        }
        if (!g.missing.isEmpty()) {
            // Missing pods count as at the target on a scale-down and as idle on a scale-up.
            long fill = ratio < 1.0 ? target : 0;
            for (String name : g.missing) {
                m.put(name, new PodMetric(fill, 0, 0));
            }
        }
        if (scaleUpWithUnready) {
            for (String name : g.unready) {
                m.put(name, new PodMetric(0, 0, 0));
            }
        }
        double newRatio = usageRatio(m, target)[0];
        if (Math.abs(1.0 - newRatio) <= tolerance || ratio < 1.0 && newRatio > 1.0 || ratio > 1.0 && newRatio < 1.0) {
            return new Proposal(currentReplicas, utilization, 0);
        }
        int newReplicas = (int) Math.ceil(newRatio * m.size());
        if (newRatio < 1.0 && newReplicas > currentReplicas || newRatio > 1.0 && newReplicas < currentReplicas) {
            return new Proposal(currentReplicas, utilization, 0);
        }
        return new Proposal(newReplicas, utilization, 0);
    }

    /** GetObjectMetricReplicas: an Object metric with a Value target. */
    public Proposal objectMetricReplicas(int currentReplicas, long targetMillis, String metric, String namespace,
                                         CrossVersionObjectReference object, List<Pod> pods,
                                         LabelSelector metricSelector) {
        long value = fetch(() -> metrics.objectMetric(metric, namespace, object, metricSelector),
                "unable to get metric " + metric + ": " + object.getKind() + " on " + namespace + " " + object.getName() + "/").value();
        double ratio = (double) value / targetMillis;
        return new Proposal(usageRatioReplicaCount(currentReplicas, ratio, pods), value, 0);
    }

    /** GetObjectPerPodMetricReplicas: an Object metric with an AverageValue target, divided over the current replicas. */
    public Proposal objectPerPodMetricReplicas(int statusReplicas, long targetAverageMillis, String metric, String namespace,
                                               CrossVersionObjectReference object,
                                               LabelSelector metricSelector) {
        long value = fetch(() -> metrics.objectMetric(metric, namespace, object, metricSelector),
                "unable to get metric " + metric + ": " + object.getKind() + " on " + namespace + " " + object.getName() + "/").value();
        return perPod(statusReplicas, targetAverageMillis, value);
    }

    /** GetExternalMetricReplicas: the external series summed, against a Value target. */
    public Proposal externalMetricReplicas(int currentReplicas, long targetMillis, String metric, String namespace,
                                           LabelSelector metricSelector, List<Pod> pods) {
        long total = externalTotal(metric, namespace, metricSelector);
        double ratio = (double) total / targetMillis;
        return new Proposal(usageRatioReplicaCount(currentReplicas, ratio, pods), total, 0);
    }

    /** GetExternalPerPodMetricReplicas: the external series summed, against an AverageValue target. */
    public Proposal externalPerPodMetricReplicas(int statusReplicas, long targetAverageMillis, String metric, String namespace,
                                                 LabelSelector metricSelector) {
        return perPod(statusReplicas, targetAverageMillis, externalTotal(metric, namespace, metricSelector));
    }

    private long externalTotal(String metric, String namespace, LabelSelector metricSelector) {
        List<Long> values = fetch(() -> metrics.externalMetric(metric, namespace, metricSelector),
                "unable to get external metric " + namespace + "/" + metric + "/" + SelectorText.of(metricSelector));
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    private Proposal perPod(int statusReplicas, long targetAverage, long total) {
        int replicas = statusReplicas;
        double ratio = (double) total / ((double) targetAverage * replicas);
        if (Math.abs(1.0 - ratio) > tolerance) {
            replicas = (int) Math.ceil((double) total / targetAverage);
        }
        return new Proposal(replicas, (long) Math.ceil((double) total / statusReplicas), 0);
    }

    /** getUsageRatioReplicaCount: from zero replicas the ratio alone decides; otherwise the ready pods scale it. */
    private int usageRatioReplicaCount(int currentReplicas, double ratio, List<Pod> pods) {
        if (currentReplicas == 0) {
            return (int) Math.ceil(ratio);
        }
        if (Math.abs(1.0 - ratio) <= tolerance) {
            return currentReplicas;
        }
        if (pods.isEmpty()) {
            throw new MetricsUnavailableException("unable to calculate ready pods: no pods returned by selector while calculating replica count");
        }
        int ready = 0;
        for (Pod p : pods) {
            if (Pods.isRunningAndReady(p)) {
                ready++;
            }
        }
        return (int) Math.ceil(ratio * ready);
    }

    private static <T> T fetch(Supplier<T> call, String context) {
        try {
            return call.get();
        } catch (MetricsUnavailableException e) {
            throw new MetricsUnavailableException(context + ": " + e.getMessage());
        }
    }

    /** Which pods count: ready ones, unready ones (set aside), ones without metrics, and ignored ones (failed or deleting). */
    record Grouped(int ready, Set<String> unready, Set<String> missing, Set<String> ignored) {
    }

    /** groupPods: for CPU, a pod still initializing or never ready counts as unready; pending pods always do. */
    Grouped groupPods(List<Pod> pods, Map<String, PodMetric> m, String resource, long nowMillis) {
        int ready = 0;
        Set<String> unready = new LinkedHashSet<>(), missing = new LinkedHashSet<>(), ignored = new LinkedHashSet<>();
        for (Pod pod : pods) {
            String name = pod.getMetadata().getName();
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            if (pod.getMetadata().getDeletionTimestamp() != null || "Failed".equals(phase)) {
                ignored.add(name);
                continue;
            }
            if ("Pending".equals(phase)) {
                unready.add(name);
                continue;
            }
            PodMetric metric = m.get(name);
            if (metric == null) {
                missing.add(name);
                continue;
            }
            if ("cpu".equals(resource)) {
                PodCondition c = Pods.condition(pod, "Ready");
                String start = pod.getStatus() == null ? null : pod.getStatus().getStartTime();
                boolean isUnready;
                if (c == null || start == null) {
                    isUnready = true;
                } else {
                    long startMillis = millis(start);
                    long transition = millis(c.getLastTransitionTime());
                    if (startMillis + cpuInitializationPeriodMillis > nowMillis) {
                        // Still initializing: unready, or ready for less than one metrics window.
                        isUnready = "False".equals(c.getStatus()) || metric.timestampMillis() < transition + metric.windowMillis();
                    } else {
                        // Past initialization: only a pod that has never been ready is set aside.
                        isUnready = "False".equals(c.getStatus()) && startMillis + delayOfInitialReadinessStatusMillis > transition;
                    }
                }
                if (isUnready) {
                    unready.add(name);
                    continue;
                }
            }
            ready++;
        }
        return new Grouped(ready, unready, missing, ignored);
    }

    /** How each pod counts for a resource: ready, unready (set aside), missing (no metrics) or ignored (failed or deleting). */
    public Map<String, String> podGroups(List<Pod> pods, Map<String, PodMetric> m, String resource, long nowMillis) {
        Grouped g = groupPods(pods, m, resource, nowMillis);
        Map<String, String> out = new LinkedHashMap<>();
        for (Pod p : pods) {
            String name = p.getMetadata().getName();
            out.put(name, g.ignored.contains(name) ? "ignored" : g.unready.contains(name) ? "unready" : g.missing.contains(name) ? "missing" : "ready");
        }
        return out;
    }

    /** Kubernetes timestamps in epoch milliseconds; absent ones are Go's zero time, long before any simulation. */
    static long millis(String timestamp) {
        return timestamp == null || timestamp.isEmpty() ? ZERO_TIME : Instant.parse(timestamp).toEpochMilli();
    }

    /** Go's zero time.Time (year 1), which an unset metav1.Time is. */
    static final long ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();

    /** calculatePodRequests: requests of the resource summed over the pod's containers (or the named one). */
    static Map<String, Long> podRequests(List<Pod> pods, String container, String resource) {
        Map<String, Long> out = new HashMap<>();
        for (Pod pod : pods) {
            long sum = 0;
            for (Container c : pod.getSpec().getContainers()) {
                if (container != null && !container.isEmpty() && !container.equals(c.getName())) {
                    continue;
                }
                Quantity q = c.getResources() == null || c.getResources().getRequests() == null ? null : c.getResources().getRequests().get(resource);
                if (q == null) {
                    throw new MetricsUnavailableException("missing request for " + resource + " in container " + c.getName() + " of Pod " + pod.getMetadata().getName());
                }
                sum += Quantities.milliValue(q);
            }
            out.put(pod.getMetadata().getName(), sum);
        }
        return out;
    }

    private record Utilization(double ratio, long utilization, long raw) {
    }

    /** GetResourceUtilizationRatio: usage over requests of the pods that have both, in whole percent. */
    private static Utilization utilizationRatio(Map<String, PodMetric> m, Map<String, Long> requests, int target) {
        long metricsTotal = 0, requestsTotal = 0;
        int entries = 0;
        for (Map.Entry<String, PodMetric> e : m.entrySet()) {
            Long request = requests.get(e.getKey());
            if (request == null) {
                continue;
            }
            metricsTotal += e.getValue().value();
            requestsTotal += request;
            entries++;
        }
        if (requestsTotal == 0) {
            throw new MetricsUnavailableException("no metrics returned matched known pods");
        }
        int utilization = (int) (metricsTotal * 100 / requestsTotal);
        return new Utilization((double) utilization / target, utilization, metricsTotal / entries);
    }

    /** GetMetricUsageRatio: the average value (integer division, as upstream) over the target. */
    private static double[] usageRatio(Map<String, PodMetric> m, long target) {
        long total = 0;
        for (PodMetric p : m.values()) {
            total += p.value();
        }
        long average = total / m.size();
        return new double[] {(double) average / target, average};
    }

    /** A copy of a metrics map the calculator may change. */
    static Map<String, PodMetric> copy(Map<String, PodMetric> m) {
        return new LinkedHashMap<>(m);
    }
}
