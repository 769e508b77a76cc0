package dev.sandtable.metrics;

import dev.sandtable.api.LabelSelectors;
import dev.sandtable.api.ObjectStore;
import dev.sandtable.controller.podautoscaler.MetricsClient;
import dev.sandtable.controller.podautoscaler.MetricsUnavailableException;
import dev.sandtable.controller.podautoscaler.PodMetric;
import dev.sandtable.metrics.adapter.MetricsAdapter;
import dev.sandtable.metrics.server.MetricsServer;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HPA's view of the three metrics APIs in a simulation (the REST metrics client of kube-controller-manager v1.31):
 * resource metrics from metrics-server, per-pod and per-object custom metrics from the pods' usage model (as
 * prometheus-adapter would serve the pods' exported counters), and external metrics from the adapter's series.
 */
public final class MetricsApis implements MetricsClient {
    private final ObjectStore store;
    private final MetricsServer server;
    private final MetricsAdapter adapter;

    public MetricsApis(ObjectStore store, MetricsServer server, MetricsAdapter adapter) {
        this.store = store;
        this.server = server;
        this.adapter = adapter;
    }

    @Override
    public Map<String, PodMetric> resourceMetric(String resource, String namespace, List<Pod> pods, String container) {
        Map<String, PodMetric> out = new LinkedHashMap<>();
        boolean any = false;
        for (Pod p : pods) {
            MetricsServer.Sample s = server.sample(namespace, p.getMetadata().getName());
            if (s == null) {
                continue;
            }
            any = true;
            if (!s.hasContainer(container)) {
                throw new MetricsUnavailableException("container " + container + " not present in metrics for pod " + namespace + "/" + p.getMetadata().getName());
            }
            long value = switch (resource) {
                case "cpu" -> s.cpuMillis(container);
                case "memory" -> s.memoryBytes(container) * 1000;
                default -> -1;
            };
            if (value >= 0) {
                out.put(p.getMetadata().getName(), new PodMetric(value, s.timestampMillis(), s.windowMillis()));
            }
        }
        if (!any) {
            throw new MetricsUnavailableException("no metrics returned from resource metrics API");
        }
        return out;
    }

    @Override
    public Map<String, PodMetric> podsMetric(String metric, String namespace, List<Pod> pods, LabelSelector metricSelector) {
        Map<String, PodMetric> out = new LinkedHashMap<>();
        for (Pod p : pods) {
            MetricsServer.Sample s = server.sample(namespace, p.getMetadata().getName());
            double v = s == null ? Double.NaN : s.custom(metric);
            if (!Double.isNaN(v)) {
                out.put(p.getMetadata().getName(), new PodMetric(Math.round(v * 1000), s.timestampMillis(), s.windowMillis()));
            }
        }
        if (out.isEmpty()) {
            throw new MetricsUnavailableException("unable to fetch metrics from custom metrics API: no metrics returned from custom metrics API"
                    + " (no pod exports " + metric + "; a scenario's usage.customMetrics names what pods export)");
        }
        return out;
    }

    @Override
    public PodMetric objectMetric(String metric, String namespace, CrossVersionObjectReference object, LabelSelector metricSelector) {
        LabelSelector selector = switch (object.getKind() == null ? "" : object.getKind()) {
            case "Service" -> store.get(Service.class, namespace, object.getName())
                    .map(s -> s.getSpec().getSelector() == null ? null : new LabelSelector(null, s.getSpec().getSelector())).orElse(null);
            case "Deployment" -> store.get(Deployment.class, namespace, object.getName()).map(d -> d.getSpec().getSelector()).orElse(null);
            case "StatefulSet" -> store.get(StatefulSet.class, namespace, object.getName()).map(d -> d.getSpec().getSelector()).orElse(null);
            case "ReplicaSet" -> store.get(ReplicaSet.class, namespace, object.getName()).map(d -> d.getSpec().getSelector()).orElse(null);
            default -> null;
        };
        if (selector == null) {
            throw new MetricsUnavailableException("unable to fetch metrics from custom metrics API: the server could not find the metric " + metric
                    + " for " + object.getKind() + " " + object.getName() + " (object metrics are served for Services, Deployments, StatefulSets and ReplicaSets with selectors)");
        }
        double total = 0;
        long timestamp = 0;
        boolean found = false;
        for (MetricsServer.Sample s : server.samples()) {
            Pod p = s.pod();
            if (namespace.equals(p.getMetadata().getNamespace()) && LabelSelectors.matches(selector, p.getMetadata().getLabels())) {
                double v = s.custom(metric);
                if (!Double.isNaN(v)) {
                    total += v;
                    found = true;
                    timestamp = s.timestampMillis();
                }
            }
        }
        if (!found) {
            throw new MetricsUnavailableException("unable to fetch metrics from custom metrics API: the server could not find the metric " + metric
                    + " for " + object.getKind() + " " + object.getName());
        }
        return new PodMetric(Math.round(total * 1000), timestamp, 0);
    }

    @Override
    public List<Long> externalMetric(String metric, String namespace, LabelSelector metricSelector) {
        List<Long> out = new ArrayList<>();
        for (double v : adapter.external(metric, metricSelector)) {
            out.add(Math.round(v * 1000));
        }
        if (out.isEmpty()) {
            throw new MetricsUnavailableException("unable to fetch metrics from external metrics API: no series " + metric
                    + (adapter.hasExternal(metric) ? " matches the selector" : " is fed (a scenario's externalMetrics names them)"));
        }
        return out;
    }
}
