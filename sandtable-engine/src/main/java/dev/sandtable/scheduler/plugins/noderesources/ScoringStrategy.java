package dev.sandtable.scheduler.plugins.noderesources;

import java.util.ArrayList;
import java.util.List;

/**
 * NodeResourcesFitArgs.scoringStrategy (kube-scheduler v1.31): how a node's requested/allocatable ratio per
 * resource becomes a 0-100 score, and the weighted resources it is computed over.
 *
 * <p>{@code shape} is the RequestedToCapacityRatio shape; {@code null} stands for an absent
 * {@code requestedToCapacityRatio}, which upstream does not validate. The record holds args as written (like the
 * internal config type); {@link #validate()} applies ValidateNodeResourcesFitArgs, as NewFit does.
 */
public record ScoringStrategy(Type type, List<ResourceWeight> resources, List<UtilizationShapePoint> shape) {

    /** The three strategies upstream offers, with their API names. */
    public enum Type {
        LEAST_ALLOCATED("LeastAllocated"), MOST_ALLOCATED("MostAllocated"), REQUESTED_TO_CAPACITY_RATIO("RequestedToCapacityRatio");

        private final String apiName;

        Type(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        /** The type with this API name, or null when upstream does not support it. */
        public static Type ofApiName(String name) {
            for (Type t : values()) {
                if (t.apiName.equals(name)) {
                    return t;
                }
            }
            return null;
        }

        /** field.NotSupported for scoringStrategy.type, with the supported values in sorted order. */
        public static String notSupported(String value) {
            return "scoringStrategy.type: Unsupported value: \"" + value
                    + "\": supported values: \"LeastAllocated\", \"MostAllocated\", \"RequestedToCapacityRatio\"";
        }
    }

    /** A resource and its weight in the average. */
    public record ResourceWeight(String name, long weight) {
        // Interned so the scorers can recognise cpu and memory by identity on the hot path.
        public ResourceWeight {
            name = name == null ? null : name.intern();
        }

    }

    /** A point of the RequestedToCapacityRatio shape: utilization 0-100 maps to score 0-10. */
    public record UtilizationShapePoint(long utilization, long score) {
    }

    /** config.MaxCustomPriorityScore: shape scores are 0..10 and are scaled by MaxNodeScore / 10. */
    public static final long MAX_CUSTOM_PRIORITY_SCORE = 10;
    private static final long MAX_UTILIZATION = 100;
    private static final long MAX_NODE_SCORE = 100;

    public static final List<ResourceWeight> DEFAULT_RESOURCES = List.of(new ResourceWeight("cpu", 1), new ResourceWeight("memory", 1));
    public static final ScoringStrategy LEAST_ALLOCATED = new ScoringStrategy(Type.LEAST_ALLOCATED, DEFAULT_RESOURCES, null);

    public ScoringStrategy {
        resources = resources == null ? List.of() : List.copyOf(resources);
        shape = shape == null ? null : List.copyOf(shape);
    }

    /**
     * One resource's score given what the node would have requested with the pod and what it has (allocatable is
     * not 0: a resource with nothing allocatable is left out before scoring).
     */
    long resourceScore(long requested, long allocatable) {
        return switch (type) {
            case LEAST_ALLOCATED -> leastRequestedScore(requested, allocatable);
            case MOST_ALLOCATED -> mostRequestedScore(requested, allocatable);
            case REQUESTED_TO_CAPACITY_RATIO -> brokenLinear(shape, MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE,
                    requested > allocatable ? MAX_UTILIZATION : requested * MAX_UTILIZATION / allocatable);
        };
    }

    /** Whether the resource's score and weight enter the average: RequestedToCapacityRatio leaves out a resource scoring 0. */
    boolean counts(long resourceScore) {
        return type != Type.REQUESTED_TO_CAPACITY_RATIO || resourceScore > 0;
    }

    /** The weighted average: truncated for Least/MostAllocated, rounded for RequestedToCapacityRatio; 0 with no weights. */
    long combine(long nodeScore, long weightSum) {
        if (weightSum == 0) {
            return 0;
        }
        return type == Type.REQUESTED_TO_CAPACITY_RATIO ? Math.round((double) nodeScore / weightSum) : nodeScore / weightSum;
    }

    static long leastRequestedScore(long requested, long capacity) {
        if (capacity == 0 || requested > capacity) {
            return 0;
        }
        return (capacity - requested) * MAX_NODE_SCORE / capacity;
    }

    static long mostRequestedScore(long requested, long capacity) {
        if (capacity == 0) {
            return 0;
        }
        // requested can exceed capacity because pods with no requests count the non-zero defaults.
        return Math.min(requested, capacity) * MAX_NODE_SCORE / capacity;
    }

    /** helper.BuildBrokenLinearFunction: piecewise linear through the points, flat before the first and after the last. */
    static long brokenLinear(List<UtilizationShapePoint> points, long p) {
        return brokenLinear(points, 1, p);
    }

    /** The same with every point's score multiplied by scoreScale (the shape's 0..10 scaled to 0..100). */
    private static long brokenLinear(List<UtilizationShapePoint> points, long scoreScale, long p) {
        for (int i = 0; i < points.size(); i++) {
            UtilizationShapePoint cur = points.get(i);
            if (p <= cur.utilization()) {
                if (i == 0) {
                    return cur.score() * scoreScale;
                }
                UtilizationShapePoint prev = points.get(i - 1);
                return prev.score() * scoreScale + (cur.score() * scoreScale - prev.score() * scoreScale) * (p - prev.utilization())
                        / (cur.utilization() - prev.utilization());
            }
        }
        return points.get(points.size() - 1).score() * scoreScale;
    }

    /**
     * ValidateNodeResourcesFitArgs for the strategy (nil path, as NewFit calls it): every problem as a field error
     * message. A RequestedToCapacityRatio strategy without a shape is reported as an empty shape (upstream would
     * dereference a nil pointer).
     */
    public List<String> validate() {
        List<String> errs = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            ResourceWeight r = resources.get(i);
            if (r.weight() <= 0 || r.weight() > 100) {
                errs.add("scoringStrategy.resources[" + i + "].weight: Invalid value: " + r.weight() + ": resource weight of "
                        + r.name() + " not in valid range (0, 100]");
            }
        }
        if (shape != null || type == Type.REQUESTED_TO_CAPACITY_RATIO) {
            errs.addAll(validateShape(shape == null ? List.of() : shape, "scoringStrategy.shape"));
        }
        return errs;
    }

    /** validateFunctionShape (v1.31 messages). */
    static List<String> validateShape(List<UtilizationShapePoint> shape, String path) {
        List<String> errs = new ArrayList<>();
        if (shape.isEmpty()) {
            errs.add(path + ": Required value: at least one point must be specified");
            return errs;
        }
        for (int i = 1; i < shape.size(); i++) {
            if (shape.get(i - 1).utilization() >= shape.get(i).utilization()) {
                errs.add(path + "[" + i + "].utilization: Invalid value: " + shape.get(i).utilization()
                        + ": utilization values must be sorted in increasing order");
                break;
            }
        }
        for (int i = 0; i < shape.size(); i++) {
            UtilizationShapePoint p = shape.get(i);
            if (p.utilization() < 0 || p.utilization() > MAX_UTILIZATION) {
                errs.add(path + "[" + i + "].utilization: Invalid value: " + p.utilization() + ": not in valid range [0, 100]");
            }
            if (p.score() < 0 || p.score() > MAX_CUSTOM_PRIORITY_SCORE) {
                errs.add(path + "[" + i + "].score: Invalid value: " + p.score() + ": not in valid range [0, 10]");
            }
        }
        return errs;
    }

    /** utilerrors.Aggregate's message: one error as itself, several in brackets. */
    public static String aggregate(List<String> errs) {
        return errs.size() == 1 ? errs.get(0) : "[" + String.join(", ", errs) + "]";
    }
}
