package dev.sandtable.controller.podautoscaler;

import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import java.util.List;

/**
 * The API server's conversion of an autoscaling/v1 HPA to autoscaling/v2 (pkg/apis/autoscaling/v1 conversion, v1.31):
 * targetCPUUtilizationPercentage becomes a CPU Utilization metric, and no target means the v2 default (80%).
 */
public final class AutoscalingV1 {
    private AutoscalingV1() {
    }

    public static HorizontalPodAutoscaler toV2(io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler v1) {
        HorizontalPodAutoscaler v2 = new HorizontalPodAutoscaler();
        v2.setApiVersion("autoscaling/v2");
        v2.setKind("HorizontalPodAutoscaler");
        v2.setMetadata(v1.getMetadata());
        var s1 = v1.getSpec();
        HorizontalPodAutoscalerSpec spec = new HorizontalPodAutoscalerSpec();
        var ref = s1.getScaleTargetRef();
        spec.setScaleTargetRef(new CrossVersionObjectReference(ref.getApiVersion(), ref.getKind(), ref.getName()));
        spec.setMinReplicas(s1.getMinReplicas());
        spec.setMaxReplicas(s1.getMaxReplicas());
        if (s1.getTargetCPUUtilizationPercentage() != null) {
            MetricTarget t = new MetricTarget();
            t.setType("Utilization");
            t.setAverageUtilization(s1.getTargetCPUUtilizationPercentage());
            MetricSpec m = new MetricSpec();
            m.setType("Resource");
            m.setResource(new ResourceMetricSource("cpu", t));
            spec.setMetrics(List.of(m));
        }
        v2.setSpec(spec);
        return v2;
    }
}
