package dev.sandtable.scheduler.plugins.noderesources;

import java.util.List;

/**
 * NodeResourcesFitArgs.scoringStrategy (kube-scheduler v1.31): how a node's requested/allocatable ratio per
 * resource becomes a 0-100 score, and the weighted resources it is computed over.
 */
public record ScoringStrategy(Type type, List<ResourceWeight> resources, List<UtilizationShapePoint> shape) {

    /** The three strategies upstream offers. */
    public enum Type { LEAST_ALLOCATED, MOST_ALLOCATED, REQUESTED_TO_CAPACITY_RATIO }

    /** A resource and its weight in the average. */
    public record ResourceWeight(String name, long weight) {
    }

    /** A point of the RequestedToCapacityRatio shape: utilization 0-100 maps to score 0-10. */
    public record UtilizationShapePoint(int utilization, int score) {
    }

    public static final List<ResourceWeight> DEFAULT_RESOURCES = List.of(new ResourceWeight("cpu", 1), new ResourceWeight("memory", 1));
    public static final ScoringStrategy LEAST_ALLOCATED = new ScoringStrategy(Type.LEAST_ALLOCATED, DEFAULT_RESOURCES, List.of());

    /** Scores one resource given what would be requested on the node with the pod, and what it has. */
    long score(long requested, long allocatable) {
        return switch (type) {
            case LEAST_ALLOCATED -> allocatable == 0 || requested > allocatable ? 0 : (allocatable - requested) * 100 / allocatable;
            case MOST_ALLOCATED -> allocatable == 0 ? 0 : Math.min(requested, allocatable) * 100 / allocatable;
            case REQUESTED_TO_CAPACITY_RATIO -> brokenLinear(allocatable == 0 ? 0 : Math.min(requested, allocatable) * 100 / allocatable);
        };
    }

    /** buildBrokenLinearFunction over the shape scaled from 0-10 to 0-100. */
    private long brokenLinear(long utilization) {
        for (int i = 0; i < shape.size(); i++) {
            UtilizationShapePoint p = shape.get(i);
            if (utilization <= p.utilization()) {
                if (i == 0) {
                    return p.score() * 10L;
                }
                UtilizationShapePoint prev = shape.get(i - 1);
                return prev.score() * 10L + (p.score() * 10L - prev.score() * 10L) * (utilization - prev.utilization())
                        / (p.utilization() - prev.utilization());
            }
        }
        return shape.get(shape.size() - 1).score() * 10L;
    }

    /** Combines per-resource scores: integer average for Least/MostAllocated, rounded for RequestedToCapacityRatio. */
    long combine(long weightedSum, long weightSum) {
        if (weightSum == 0) {
            return 0;
        }
        return type == Type.REQUESTED_TO_CAPACITY_RATIO ? Math.round((double) weightedSum / weightSum) : weightedSum / weightSum;
    }
}
