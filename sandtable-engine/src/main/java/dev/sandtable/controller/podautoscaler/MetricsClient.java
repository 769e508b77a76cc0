package dev.sandtable.controller.podautoscaler;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import java.util.List;
import java.util.Map;

/**
 * The metrics APIs the HPA controller reads (metrics.MetricsClient, v1.31): resource metrics (metrics.k8s.io), custom
 * metrics (custom.metrics.k8s.io) and external metrics (external.metrics.k8s.io). The pods are those the scale target's
 * selector matches, which is the set upstream lists metrics for. Failures throw {@link MetricsUnavailableException}.
 */
public interface MetricsClient {
    /** Per pod: usage of the resource summed over the containers (or of the one named container), in milli-units. */
    Map<String, PodMetric> resourceMetric(String resource, String namespace, List<Pod> pods, String container);

    /** Per pod: a custom metric's value, in milli-units. */
    Map<String, PodMetric> podsMetric(String metric, String namespace, List<Pod> pods, LabelSelector metricSelector);

    /** One object's custom metric, in milli-units. */
    PodMetric objectMetric(String metric, String namespace, CrossVersionObjectReference object, LabelSelector metricSelector);

    /** The values of an external metric's series that the selector matches, in milli-units. */
    List<Long> externalMetric(String metric, String namespace, LabelSelector metricSelector);
}
