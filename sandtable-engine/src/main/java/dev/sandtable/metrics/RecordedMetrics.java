package dev.sandtable.metrics;

import dev.sandtable.api.LabelSelectors;
import dev.sandtable.api.Quantities;
import dev.sandtable.controller.podautoscaler.MetricsClient;
import dev.sandtable.controller.podautoscaler.MetricsUnavailableException;
import dev.sandtable.controller.podautoscaler.PodMetric;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics APIs answered from recorded values instead of a running simulation (for `explain hpa`): PodMetrics as
 * metrics.k8s.io serves them (other usage keys than cpu and memory are the pod's custom metrics), object metric values
 * by object, and external metric series with labels.
 */
public final class RecordedMetrics implements MetricsClient {
    /** An object's custom metric value. */
    public record ObjectValue(String kind, String name, String metric, double value) {
    }

    /** One external series. */
    public record ExternalValue(String metric, Map<String, String> labels, double value) {
    }

    private final Map<String, PodMetrics> pods = new LinkedHashMap<>();
    private final List<ObjectValue> objects;
    private final List<ExternalValue> external;

    public RecordedMetrics(List<PodMetrics> podMetrics, List<ObjectValue> objects, List<ExternalValue> external) {
        for (PodMetrics m : podMetrics) {
            pods.put(m.getMetadata().getNamespace() + "/" + m.getMetadata().getName(), m);
        }
        this.objects = objects;
        this.external = external;
    }

    public PodMetrics podMetrics(String namespace, String name) {
        return pods.get(namespace + "/" + name);
    }

    @Override
    public Map<String, PodMetric> resourceMetric(String resource, String namespace, List<Pod> selected, String container) {
        Map<String, PodMetric> out = new LinkedHashMap<>();
        boolean any = false;
        for (Pod p : selected) {
            PodMetrics m = pods.get(namespace + "/" + p.getMetadata().getName());
            if (m == null) {
                continue;
            }
            any = true;
            long sum = 0;
            boolean missing = m.getContainers() == null || m.getContainers().isEmpty();
            boolean found = false;
            for (ContainerMetrics c : m.getContainers() == null ? List.<ContainerMetrics>of() : m.getContainers()) {
                if (container != null && !container.isEmpty() && !container.equals(c.getName())) {
                    continue;
                }
                found = true;
                Quantity q = c.getUsage() == null ? null : c.getUsage().get(resource);
                if (q == null) {
                    missing = true;
                    break;
                }
                sum += Quantities.milliValue(q);
            }
            if (container != null && !container.isEmpty() && !found) {
                throw new MetricsUnavailableException("container " + container + " not present in metrics for pod " + namespace + "/" + p.getMetadata().getName());
            }
            if (!missing) {
                out.put(p.getMetadata().getName(), new PodMetric(sum, timestamp(m), window(m)));
            }
        }
        if (!any) {
            throw new MetricsUnavailableException("no metrics returned from resource metrics API");
        }
        return out;
    }

    @Override
    public Map<String, PodMetric> podsMetric(String metric, String namespace, List<Pod> selected, LabelSelector metricSelector) {
        Map<String, PodMetric> out = new LinkedHashMap<>();
        for (Pod p : selected) {
            PodMetrics m = pods.get(namespace + "/" + p.getMetadata().getName());
            if (m == null || m.getContainers() == null) {
                continue;
            }
            long sum = 0;
            boolean found = false;
            for (ContainerMetrics c : m.getContainers()) {
                Quantity q = c.getUsage() == null ? null : c.getUsage().get(metric);
                if (q != null) {
                    sum += Quantities.milliValue(q);
                    found = true;
                }
            }
            if (found) {
                out.put(p.getMetadata().getName(), new PodMetric(sum, timestamp(m), window(m)));
            }
        }
        if (out.isEmpty()) {
            throw new MetricsUnavailableException("unable to fetch metrics from custom metrics API: no metrics returned from custom metrics API"
                    + " (no PodMetrics of the selected pods has a usage entry " + metric + ")");
        }
        return out;
    }

    @Override
    public PodMetric objectMetric(String metric, String namespace, CrossVersionObjectReference object, LabelSelector metricSelector) {
        for (ObjectValue v : objects) {
            if (v.kind().equals(object.getKind()) && v.name().equals(object.getName()) && v.metric().equals(metric)) {
                return new PodMetric(Math.round(v.value() * 1000), 0, 0);
            }
        }
        throw new MetricsUnavailableException("unable to fetch metrics from custom metrics API: the server could not find the metric " + metric
                + " for " + object.getKind() + " " + object.getName() + " (give it with --object " + object.getKind() + "/" + object.getName() + ":" + metric + "=VALUE)");
    }

    @Override
    public List<Long> externalMetric(String metric, String namespace, LabelSelector metricSelector) {
        List<Long> out = new ArrayList<>();
        for (ExternalValue v : external) {
            if (v.metric().equals(metric) && (metricSelector == null || LabelSelectors.matches(metricSelector, v.labels()))) {
                out.add(Math.round(v.value() * 1000));
            }
        }
        if (out.isEmpty()) {
            throw new MetricsUnavailableException("unable to fetch metrics from external metrics API: no series " + metric
                    + " matches (give it with --external " + metric + "=VALUE)");
        }
        return out;
    }

    private static long timestamp(PodMetrics m) {
        return m.getTimestamp() == null ? 0 : Instant.parse(m.getTimestamp()).toEpochMilli();
    }

    private static long window(PodMetrics m) {
        if (m.getWindow() == null || m.getWindow().getDuration() == null) {
            return 0;
        }
        Duration d = m.getWindow().getDuration();
        return d.toMillis();
    }
}
