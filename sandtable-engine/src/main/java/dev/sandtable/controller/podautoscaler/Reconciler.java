package dev.sandtable.controller.podautoscaler;

import dev.sandtable.api.Quantities;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ContainerResourceMetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ExternalMetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricIdentifier;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricValueStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ObjectMetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.PodsMetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HPA sync as kube-controller-manager v1.31 runs it (HorizontalController.reconcileAutoscaler): get the scale,
 * propose replicas per metric and take the largest, clamp to min/max or normalize with or without behavior, and say
 * which conditions and events follow. Pure: the caller applies the decision, so `explain hpa` shows the same steps.
 */
public final class Reconciler {
    /** What an HPA without metrics gets by API defaulting: CPU at 80% of requests. */
    static final int DEFAULT_CPU_UTILIZATION = 80;

    private final ReplicaCalculator calculator;
    private final ReplicaNormalizer normalizer;

    public Reconciler(ReplicaCalculator calculator, ReplicaNormalizer normalizer) {
        this.calculator = calculator;
        this.normalizer = normalizer;
    }

    /** The metrics an HPA is judged by, with API defaulting (no metrics means CPU at 80%). */
    public static List<MetricSpec> metrics(HorizontalPodAutoscaler hpa) {
        List<MetricSpec> specs = hpa.getSpec().getMetrics();
        if (specs == null || specs.isEmpty()) {
            MetricSpec cpu = new MetricSpec();
            cpu.setType("Resource");
            MetricTarget t = new MetricTarget();
            t.setType("Utilization");
            t.setAverageUtilization(DEFAULT_CPU_UTILIZATION);
            cpu.setResource(new ResourceMetricSource("cpu", t));
            return List.of(cpu);
        }
        return specs;
    }

    public static int minReplicas(HorizontalPodAutoscaler hpa) {
        return hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
    }

    /** Computes one sync: the scale may be absent (target missing or of a kind not simulated), with the reason why. */
    public Decision reconcile(HorizontalPodAutoscaler hpa, Optional<ScaleTarget> scale, String scaleError, List<Pod> pods, ScaleHistory history,
                              long now) {
        String ns = hpa.getMetadata().getNamespace();
        String id = ns + "/" + hpa.getMetadata().getName();
        CrossVersionObjectReference ref = hpa.getSpec().getScaleTargetRef();
        String target = ref.getKind() + "/" + ns + "/" + ref.getName();
        Map<String, Decision.Condition> conditions = new LinkedHashMap<>();
        if (hpa.getStatus() != null && hpa.getStatus().getConditions() != null) {
            for (HorizontalPodAutoscalerCondition c : hpa.getStatus().getConditions()) {
                conditions.put(c.getType(), new Decision.Condition(c.getType(), c.getStatus(), c.getReason(), c.getMessage()));
            }
        }
        List<Decision.Event> events = new ArrayList<>();
        int min = minReplicas(hpa);
        int max = hpa.getSpec().getMaxReplicas() == null ? 0 : hpa.getSpec().getMaxReplicas();
        HorizontalPodAutoscalerBehavior behavior = hpa.getSpec().getBehavior();
        Decision.Limits limits = behavior == null ? new Decision.Limits(false, null, null, normalizer.downscaleStabilizationSeconds())
                : new Decision.Limits(true, ScalingRules.scaleUp(behavior.getScaleUp()), scaleDown(behavior), normalizer.downscaleStabilizationSeconds());
        if (scale.isEmpty()) {
            String message = "the HPA controller was unable to get the target's current scale: " + scaleError;
            set(conditions, "AbleToScale", "False", "FailedGetScale", message);
            events.add(new Decision.Event("Warning", "FailedGetScale", scaleError));
            return new Decision(id, target, 0, min, max, calculator.tolerance(), List.of(), -1, "", "", null, limits, 0, false,
                    List.copyOf(conditions.values()), events);
        }
        set(conditions, "AbleToScale", "True", "SucceededGetScale", "the HPA controller was able to get the target's current scale");
        int current = scale.get().specReplicas();
        if (history.recommendations.isEmpty()) {
            // recordInitialRecommendation: the current size is the first recommendation.
            history.recommendations.add(new ScaleHistory.Recommendation(current, now));
        }
        List<Decision.MetricResult> results = new ArrayList<>();
        int desired = 0;
        int metricDesired = 0;
        String metricName = "";
        String rescaleReason = "";
        ReplicaNormalizer.Normalized normalized = null;
        boolean rescale = true;
        if (current == 0 && min != 0) {
            desired = 0;
            rescale = false;
            set(conditions, "ScalingActive", "False", "ScalingDisabled", "scaling is disabled since the replica count of the target is zero");
        } else if (current > max) {
            rescaleReason = "Current number of replicas above Spec.MaxReplicas";
            desired = max;
        } else if (current < min) {
            rescaleReason = "Current number of replicas below Spec.MinReplicas";
            desired = min;
        } else {
            List<MetricSpec> specs = metrics(hpa);
            int invalid = 0;
            Decision.MetricResult firstInvalid = null;
            for (MetricSpec spec : specs) {
                Decision.MetricResult r = evaluate(spec, ns, scale.get(), pods, now);
                results.add(r);
                if (r.proposal() == null) {
                    if (firstInvalid == null) {
                        firstInvalid = r;
                    }
                    invalid++;
                    events.add(new Decision.Event("Warning", r.errorReason(), r.error()));
                    continue;
                }
                if (metricDesired == 0 || r.proposal() > metricDesired) {
                    metricDesired = r.proposal();
                    metricName = r.name();
                }
            }
            if (invalid >= specs.size() || invalid > 0 && metricDesired < current) {
                // All metrics failed, or some did and the rest would scale down: no change.
                set(conditions, "ScalingActive", "False", firstInvalid.errorReason(), "the HPA was unable to compute the replica count: " + firstInvalid.error());
                String error = "invalid metrics (" + invalid + " invalid out of " + specs.size() + "), first error is: " + firstInvalid.error();
                events.add(new Decision.Event("Warning", "FailedComputeMetricsReplicas", error));
                return new Decision(id, target, current, min, max, calculator.tolerance(), results, -1, "", "", null, limits, current, false,
                        List.copyOf(conditions.values()), events);
            }
            set(conditions, "ScalingActive", "True", "ValidMetricFound", "the HPA was able to successfully calculate a replica count from " + metricName);
            String rescaleMetric = "";
            if (metricDesired > desired) {
                desired = metricDesired;
                rescaleMetric = metricName;
            }
            if (desired > current) {
                rescaleReason = rescaleMetric + " above target";
            }
            if (desired < current) {
                rescaleReason = "All metrics below target";
            }
            normalized = behavior == null ? normalizer.normalize(history, current, desired, min, max, now)
                    : normalizer.normalizeWithBehaviors(history, limits.scaleUp(), limits.scaleDown(), current, desired, min, max, now);
            set(conditions, "AbleToScale", "True", normalized.ableReason(), normalized.ableMessage());
            set(conditions, "ScalingLimited", normalized.limited() ? "True" : "False", normalized.limitedReason(), normalized.limitedMessage());
            desired = normalized.replicas();
            rescale = desired != current;
        }
        if (rescale) {
            set(conditions, "AbleToScale", "True", "SucceededRescale", "the HPA controller was able to update the target scale to " + desired);
            events.add(new Decision.Event("Normal", "SuccessfulRescale", "New size: " + desired + "; reason: " + rescaleReason));
            ReplicaNormalizer.storeScaleEvent(history, limits.scaleUp(), limits.scaleDown(), current, desired, now);
        } else {
            desired = current;
        }
        return new Decision(id, target, current, min, max, calculator.tolerance(), results, metricDesired, metricName, rescaleReason, normalized, limits,
                desired, rescale, List.copyOf(conditions.values()), events);
    }

    private ScalingRules scaleDown(HorizontalPodAutoscalerBehavior behavior) {
        ScalingRules d = ScalingRules.scaleDown(behavior.getScaleDown());
        return d.stabilizationWindowSeconds() == null ? d.withWindow(normalizer.downscaleStabilizationSeconds()) : d;
    }

    private static void set(Map<String, Decision.Condition> conditions, String type, String status, String reason, String message) {
        conditions.put(type, new Decision.Condition(type, status, reason, message));
    }

    /** computeReplicasForMetric: one metric's proposal, or the condition reason and error why there is none. */
    Decision.MetricResult evaluate(MetricSpec spec, String ns, ScaleTarget scale, List<Pod> pods, long now) {
        String type = spec.getType() == null ? "" : spec.getType();
        int specReplicas = scale.specReplicas();
        int statusReplicas = scale.statusReplicas();
        try {
            switch (type) {
                case "Resource", "ContainerResource" -> {
                    boolean container = type.equals("ContainerResource");
                    if (container ? spec.getContainerResource() == null : spec.getResource() == null) {
                        return invalid(type, "FailedGetResourceMetric", "invalid resource metric source: no resource given");
                    }
                    String resource = container ? spec.getContainerResource().getName() : spec.getResource().getName();
                    String containerName = container ? spec.getContainerResource().getContainer() : null;
                    MetricTarget t = container ? spec.getContainerResource().getTarget() : spec.getResource().getTarget();
                    String reason = container ? "FailedGetContainerResourceMetric" : "FailedGetResourceMetric";
                    String prefix = container ? resource + " container resource" : resource + " resource";
                    try {
                        if (t.getAverageValue() != null) {
                            long target = Quantities.milliValue(t.getAverageValue());
                            ReplicaCalculator.Proposal p = calculator.rawResourceReplicas(specReplicas, target, resource, ns, pods, containerName, now);
                            MetricValueStatus current = new MetricValueStatus(null, milliQuantity(p.utilization()), null);
                            return new Decision.MetricResult(type, prefix, display(resource, p.utilization()) + " per pod", display(resource, target) + " per pod", p.utilization(), target,
                                    (double) p.utilization() / target, p.replicas(), null, null, resourceStatus(container, resource, containerName, current));
                        }
                        if (t.getAverageUtilization() == null) {
                            return invalid(type, reason, "invalid resource metric source: neither an average utilization target nor an average value (usage) target was set");
                        }
                        int target = t.getAverageUtilization();
                        ReplicaCalculator.Proposal p = calculator.resourceReplicas(specReplicas, target, resource, ns, pods, containerName, now);
                        MetricValueStatus current = new MetricValueStatus((int) p.utilization(), milliQuantity(p.rawUtilization()), null);
                        return new Decision.MetricResult(type, prefix + " utilization (percentage of request)",
                                p.utilization() + "% (" + display(resource, p.rawUtilization()) + " per pod)", target + "%", p.utilization(), target,
                                (double) p.utilization() / target, p.replicas(), null, null, resourceStatus(container, resource, containerName, current));
                    } catch (MetricsUnavailableException e) {
                        return invalid(type, reason, e.getMessage());
                    }
                }
                case "Pods" -> {
                    MetricIdentifier id = spec.getPods().getMetric();
                    long target = Quantities.milliValue(spec.getPods().getTarget().getAverageValue());
                    try {
                        ReplicaCalculator.Proposal p = calculator.podsMetricReplicas(specReplicas, target, id.getName(), ns, pods, id.getSelector(), now);
                        MetricStatus s = new MetricStatus(null, null, null, new PodsMetricStatus(new MetricValueStatus(null, milliQuantity(p.utilization()), null), id),
                                null, "Pods");
                        return new Decision.MetricResult(type, "pods metric " + id.getName(), milli(p.utilization()) + " per pod", milli(target) + " per pod",
                                p.utilization(), target, (double) p.utilization() / target, p.replicas(), null, null, s);
                    } catch (MetricsUnavailableException e) {
                        return invalid(type, "FailedGetPodsMetric", e.getMessage());
                    }
                }
                case "Object" -> {
                    var src = spec.getObject();
                    MetricIdentifier id = src.getMetric();
                    String name = src.getDescribedObject().getKind() + " metric " + id.getName();
                    try {
                        ReplicaCalculator.Proposal p;
                        long target;
                        MetricValueStatus current;
                        if ("Value".equals(src.getTarget().getType()) && src.getTarget().getValue() != null) {
                            target = Quantities.milliValue(src.getTarget().getValue());
                            p = calculator.objectMetricReplicas(specReplicas, target, id.getName(), ns, src.getDescribedObject(), pods, id.getSelector());
                            current = new MetricValueStatus(null, null, milliQuantity(p.utilization()));
                        } else if ("AverageValue".equals(src.getTarget().getType()) && src.getTarget().getAverageValue() != null) {
                            target = Quantities.milliValue(src.getTarget().getAverageValue());
                            p = calculator.objectPerPodMetricReplicas(statusReplicas, target, id.getName(), ns, src.getDescribedObject(), id.getSelector());
                            current = new MetricValueStatus(null, milliQuantity(p.utilization()), null);
                        } else {
                            return invalid(type, "FailedGetObjectMetric", "invalid object metric source: neither a value target nor an average value target was set");
                        }
                        MetricStatus s = new MetricStatus(null, null, new ObjectMetricStatus(current, src.getDescribedObject(), id), null, null, "Object");
                        return new Decision.MetricResult(type, name, milli(p.utilization()), milli(target), p.utilization(), target,
                                (double) p.utilization() / target, p.replicas(), null, null, s);
                    } catch (MetricsUnavailableException e) {
                        return invalid(type, "FailedGetObjectMetric", e.getMessage());
                    }
                }
                case "External" -> {
                    var src = spec.getExternal();
                    MetricIdentifier id = src.getMetric();
                    LabelSelector selector = id.getSelector();
                    String name = "external metric " + id.getName() + "(" + SelectorText.of(selector) + ")";
                    try {
                        ReplicaCalculator.Proposal p;
                        long target;
                        MetricValueStatus current;
                        if ("Value".equals(src.getTarget().getType()) && src.getTarget().getValue() != null) {
                            target = Quantities.milliValue(src.getTarget().getValue());
                            p = calculator.externalMetricReplicas(specReplicas, target, id.getName(), ns, selector, pods);
                            current = new MetricValueStatus(null, null, milliQuantity(p.utilization()));
                        } else if ("AverageValue".equals(src.getTarget().getType()) && src.getTarget().getAverageValue() != null) {
                            target = Quantities.milliValue(src.getTarget().getAverageValue());
                            p = calculator.externalPerPodMetricReplicas(statusReplicas, target, id.getName(), ns, selector);
                            current = new MetricValueStatus(null, milliQuantity(p.utilization()), null);
                        } else {
                            return invalid(type, "FailedGetExternalMetric", "invalid external metric source: neither a value target nor an average value target was set");
                        }
                        MetricStatus s = new MetricStatus(null, new ExternalMetricStatus(current, id), null, null, null, "External");
                        return new Decision.MetricResult(type, name, milli(p.utilization()), milli(target), p.utilization(), target,
                                (double) p.utilization() / target, p.replicas(), null, null, s);
                    } catch (MetricsUnavailableException e) {
                        return invalid(type, "FailedGetExternalMetric", e.getMessage());
                    }
                }
                default -> {
                    return invalid(type, "InvalidMetricSourceType", "unknown metric source type \"" + type + "\"");
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof MetricsUnavailableException) {
                throw e;
            }
            return invalid(type, "InvalidMetricSourceType", "invalid " + type + " metric: " + e.getMessage());
        }
    }

    private static MetricStatus resourceStatus(boolean container, String resource, String containerName, MetricValueStatus current) {
        return container ? new MetricStatus(new ContainerResourceMetricStatus(containerName, current, resource), null, null, null, null, "ContainerResource")
                : new MetricStatus(null, null, null, null, new ResourceMetricStatus(current, resource), "Resource");
    }

    private static Decision.MetricResult invalid(String type, String reason, String error) {
        return new Decision.MetricResult(type, type, "<unknown>", "", 0, 0, 0, null, reason, error, null);
    }

    /** A resource milli-value for people: memory in Mi, anything else as a quantity. */
    static String display(String resource, long milli) {
        if ("memory".equals(resource)) {
            double mi = milli / 1000.0 / 1048576;
            return mi == Math.rint(mi) ? (long) mi + "Mi" : String.format(java.util.Locale.ROOT, "%.1fMi", mi);
        }
        return milli(milli);
    }

    /** A milli-value as resource.NewMilliQuantity(v, DecimalSI) prints it. */
    public static String milli(long v) {
        return v % 1000 == 0 ? Long.toString(v / 1000) : v + "m";
    }

    static Quantity milliQuantity(long v) {
        return new Quantity(milli(v));
    }
}
