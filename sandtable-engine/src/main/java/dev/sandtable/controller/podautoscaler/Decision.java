package dev.sandtable.controller.podautoscaler;

import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import java.util.List;

/**
 * One sync of one HPA, every step of it: the per-metric proposals, the largest, the stabilized and limited count, the
 * conditions and events upstream would set, and the replicas the target is scaled to.
 */
public record Decision(String hpa, String target, int currentReplicas, int minReplicas, int maxReplicas, double tolerance,
                       List<MetricResult> metrics, int metricDesiredReplicas, String metricName, String rescaleReason,
                       ReplicaNormalizer.Normalized normalized, Limits limits, int desiredReplicas, boolean rescale,
                       List<Condition> conditions, List<Event> events) {

    /** What one metric proposed, or why it could not. */
    public record MetricResult(String type, String name, String current, String target, long currentMilli, long targetMilli,
                               double ratio, Integer proposal, String errorReason, String error, MetricStatus status) {
    }

    /** The behavior in force for this decision, for reports. */
    public record Limits(boolean behavior, ScalingRules scaleUp, ScalingRules scaleDown, int downscaleStabilizationSeconds) {
    }

    /** A status condition as upstream sets it. */
    public record Condition(String type, String status, String reason, String message) {
    }

    /** An event upstream's event recorder would emit for the HPA. */
    public record Event(String type, String reason, String message) {
    }
}
