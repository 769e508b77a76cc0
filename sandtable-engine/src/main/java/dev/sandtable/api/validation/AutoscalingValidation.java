package dev.sandtable.api.validation;

import static dev.sandtable.api.validation.FieldErrors.invalid;

import dev.sandtable.api.FieldError;
import dev.sandtable.api.Quantities;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import java.util.List;

/** pkg/apis/autoscaling/validation ValidateHorizontalPodAutoscaler (v1.31): replica bounds, scale target, Resource metrics, behavior. */
final class AutoscalingValidation {
    private static final List<String> METRIC_TYPES = List.of("ContainerResource", "External", "Object", "Pods", "Resource");
    private static final int MAX_STABILIZATION_WINDOW_SECONDS = 3600;
    private static final int MAX_PERIOD_SECONDS = 1800;

    private AutoscalingValidation() {
    }

    static void v2(HorizontalPodAutoscaler hpa, List<FieldError> errors) {
        HorizontalPodAutoscalerSpec s = hpa.getSpec();
        if (s == null) {
            errors.add(FieldErrors.required("spec", "", "add spec with scaleTargetRef, minReplicas and maxReplicas"));
            return;
        }
        replicas(s.getMinReplicas(), s.getMaxReplicas(), errors);
        target(s.getScaleTargetRef() == null ? null : s.getScaleTargetRef().getKind(), s.getScaleTargetRef() == null ? null : s.getScaleTargetRef().getName(), errors);
        List<MetricSpec> metrics = s.getMetrics() == null ? List.of() : s.getMetrics();
        for (int i = 0; i < metrics.size(); i++) {
            metric(metrics.get(i), "spec.metrics[" + i + "]", errors);
        }
        if (s.getBehavior() != null) {
            rules(s.getBehavior().getScaleUp(), "spec.behavior.scaleUp", errors);
            rules(s.getBehavior().getScaleDown(), "spec.behavior.scaleDown", errors);
        }
    }

    static void v1(io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler hpa, List<FieldError> errors) {
        var s = hpa.getSpec();
        if (s == null) {
            errors.add(FieldErrors.required("spec", "", "add spec with scaleTargetRef, minReplicas and maxReplicas"));
            return;
        }
        replicas(s.getMinReplicas(), s.getMaxReplicas(), errors);
        target(s.getScaleTargetRef() == null ? null : s.getScaleTargetRef().getKind(), s.getScaleTargetRef() == null ? null : s.getScaleTargetRef().getName(), errors);
        Integer cpu = s.getTargetCPUUtilizationPercentage();
        if (cpu != null && cpu < 1) {
            errors.add(invalid("spec.targetCPUUtilizationPercentage", cpu, "must be greater than 0", "give a utilization percentage of 1 or more"));
        }
    }

    private static void replicas(Integer min, Integer max, List<FieldError> errors) {
        int maxReplicas = max == null ? 0 : max;
        if (min != null && min < 1) {
            errors.add(invalid("spec.minReplicas", min, "must be greater than or equal to 1", "give minReplicas of 1 or more (0 needs the alpha HPAScaleToZero gate)"));
        }
        if (maxReplicas < 1) {
            errors.add(invalid("spec.maxReplicas", maxReplicas, "must be greater than 0", "give maxReplicas of 1 or more"));
        }
        if (min != null && maxReplicas < min) {
            errors.add(invalid("spec.maxReplicas", maxReplicas, "must be greater than or equal to `minReplicas`", "make maxReplicas at least minReplicas"));
        }
    }

    /** ValidateCrossVersionObjectReference: kind and name given, each usable as a URL path segment. */
    private static void target(String kind, String name, List<FieldError> errors) {
        segment(kind, "spec.scaleTargetRef.kind", "name the kind to scale, e.g. Deployment", errors);
        segment(name, "spec.scaleTargetRef.name", "name the workload to scale", errors);
    }

    private static void segment(String value, String path, String hint, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(FieldErrors.required(path, "", hint));
            return;
        }
        if (value.equals(".") || value.equals("..")) {
            errors.add(invalid(path, value, "may not be '" + value + "'", hint));
        }
        for (String bad : List.of("/", "%")) {
            if (value.contains(bad)) {
                errors.add(invalid(path, value, "may not contain '" + bad + "'", hint));
            }
        }
    }

    private static void metric(MetricSpec m, String path, List<FieldError> errors) {
        String type = m.getType() == null ? "" : m.getType();
        if (type.isEmpty()) {
            errors.add(FieldErrors.required(path + ".type", "must specify a metric source type", "use Resource, Pods, Object, External or ContainerResource"));
        }
        if (!METRIC_TYPES.contains(type)) {
            errors.add(FieldErrors.notSupported(path + ".type", type, METRIC_TYPES, "use Resource, Pods, Object, External or ContainerResource"));
            return;
        }
        String expected = Character.toLowerCase(type.charAt(0)) + type.substring(1);
        Object source = switch (type) {
            case "Resource" -> m.getResource();
            case "ContainerResource" -> m.getContainerResource();
            case "Pods" -> m.getPods();
            case "Object" -> m.getObject();
            default -> m.getExternal();
        };
        if (source == null) {
            errors.add(FieldErrors.required(path + "." + expected, "must populate information for the given metric source",
                    "add " + expected + ": with the metric's name and target"));
            return;
        }
        if (m.getResource() != null && "Resource".equals(type)) {
            String at = path + ".resource";
            if (m.getResource().getName() == null || m.getResource().getName().isEmpty()) {
                errors.add(FieldErrors.required(at + ".name", "must specify a resource name", "name the resource, e.g. cpu or memory"));
            }
            metricTarget(m.getResource().getTarget(), at + ".target", true, errors);
        }
    }

    private static void metricTarget(MetricTarget t, String path, boolean resource, List<FieldError> errors) {
        if (t == null) {
            errors.add(FieldErrors.required(path + ".type", "must specify a metric target type", "use Utilization, Value or AverageValue"));
            return;
        }
        String type = t.getType() == null ? "" : t.getType();
        if (type.isEmpty()) {
            errors.add(FieldErrors.required(path + ".type", "must specify a metric target type", "use Utilization, Value or AverageValue"));
        }
        if (!List.of("Utilization", "Value", "AverageValue").contains(type)) {
            errors.add(invalid(path + ".type", type, "must be either Utilization, Value, or AverageValue", "use Utilization, Value or AverageValue"));
        }
        positive(t.getValue(), path + ".value", errors);
        positive(t.getAverageValue(), path + ".averageValue", errors);
        if (t.getAverageUtilization() != null && t.getAverageUtilization() < 1) {
            errors.add(invalid(path + ".averageUtilization", t.getAverageUtilization(), "must be greater than 0", "give a percentage of 1 or more"));
        }
        if (resource) {
            if (t.getAverageUtilization() == null && t.getAverageValue() == null) {
                errors.add(FieldErrors.required(path + ".averageUtilization", "must set either a target raw value or a target utilization",
                        "set averageUtilization (with type: Utilization) or averageValue"));
            } else if (t.getAverageUtilization() != null && t.getAverageValue() != null) {
                errors.add(FieldErrors.forbidden(path + ".averageValue", "may not set both a target raw value and a target utilization",
                        "keep averageUtilization or averageValue"));
            }
        }
    }

    private static void positive(Quantity q, String path, List<FieldError> errors) {
        if (q == null) {
            return;
        }
        try {
            if (Quantities.parse(q).signum() != 1) {
                errors.add(invalid(path, Quantities.text(q), "must be positive", "give a quantity above 0"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(path, "invalid quantity \"" + Quantities.text(q) + "\": " + e.getMessage(), "write e.g. 500m or 100Mi"));
        }
    }

    /** validateScalingRules: the stabilization window, policies and select policy of one direction. */
    private static void rules(HPAScalingRules r, String path, List<FieldError> errors) {
        if (r == null) {
            return;
        }
        Integer window = r.getStabilizationWindowSeconds();
        if (window != null && window < 0) {
            errors.add(invalid(path + ".stabilizationWindowSeconds", window, "must be greater than or equal to zero", "use 0 to 3600 seconds"));
        } else if (window != null && window > MAX_STABILIZATION_WINDOW_SECONDS) {
            errors.add(invalid(path + ".stabilizationWindowSeconds", window, "must be less than or equal to " + MAX_STABILIZATION_WINDOW_SECONDS,
                    "use 0 to 3600 seconds"));
        }
        PodSpecValidation.oneOf(r.getSelectPolicy(), path + ".selectPolicy", List.of("Disabled", "Max", "Min"), errors);
        if (r.getPolicies() == null) {
            return;
        }
        for (int i = 0; i < r.getPolicies().size(); i++) {
            var p = r.getPolicies().get(i);
            String at = path + ".policies[" + i + "]";
            String type = p.getType() == null ? "" : p.getType();
            if (!List.of("Percent", "Pods").contains(type)) {
                errors.add(FieldErrors.notSupported(at + ".type", type, List.of("Percent", "Pods"), "use Pods or Percent"));
            }
            int value = p.getValue() == null ? 0 : p.getValue();
            if (value <= 0) {
                errors.add(invalid(at + ".value", value, "must be greater than zero", "give a value of 1 or more"));
            }
            int period = p.getPeriodSeconds() == null ? 0 : p.getPeriodSeconds();
            if (period <= 0) {
                errors.add(invalid(at + ".periodSeconds", period, "must be greater than zero", "give 1 to 1800 seconds"));
            } else if (period > MAX_PERIOD_SECONDS) {
                errors.add(invalid(at + ".periodSeconds", period, "must be less than or equal to " + MAX_PERIOD_SECONDS, "give 1 to 1800 seconds"));
            }
        }
    }
}
