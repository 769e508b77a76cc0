package dev.sandtable.scheduler.plugins.noderesources;

import dev.sandtable.api.NodeSelectors;
import dev.sandtable.api.Resources;
import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.FilterPlugin;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.ScorePlugin;
import dev.sandtable.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mirrors kube-scheduler v1.31 plugins/noderesources Fit: filters on pod count and on each requested
 * resource against allocatable minus requested; scores with the configured strategy (LeastAllocated by default,
 * MostAllocated or RequestedToCapacityRatio) over weighted resources.
 */
public final class Fit implements FilterPlugin, ScorePlugin {
    public static final String NAME = "NodeResourcesFit";
    public static final String ERR_TOO_MANY_PODS = "Too many pods";

    private final ScoringStrategy strategy;

    /** The default: LeastAllocated over cpu and memory, weight 1 each. */
    public Fit() {
        this(ScoringStrategy.LEAST_ALLOCATED);
    }

    /** NewFit: the strategy is validated as ValidateNodeResourcesFitArgs does; an IllegalArgumentException lists the problems. */
    public Fit(ScoringStrategy strategy) {
        List<String> errs = strategy.validate();
        if (!errs.isEmpty()) {
            throw new IllegalArgumentException(ScoringStrategy.aggregate(errs));
        }
        this.strategy = strategy;
    }

    public ScoringStrategy strategy() {
        return strategy;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        Resources alloc = node.allocatable();
        Resources req = pod.requests();
        boolean tooManyPods = node.podCount() + 1 > alloc.pods();
        boolean cpu = req.cpuMillis() > 0 && req.cpuMillis() > alloc.cpuMillis() - node.requestedCpu();
        boolean memory = req.memoryBytes() > 0 && req.memoryBytes() > alloc.memoryBytes() - node.requestedMemory();
        boolean ephemeral = req.ephemeralStorageBytes() > 0 && req.ephemeralStorageBytes() > alloc.ephemeralStorageBytes() - node.requestedEphemeral();
        boolean scalars = false;
        // Checked first: iterating even an empty immutable map allocates, and this runs for every node.
        if (!req.scalars().isEmpty()) {
            for (Map.Entry<String, Long> e : req.scalars().entrySet()) {
                scalars |= insufficientScalar(node, e.getKey(), e.getValue());
            }
        }
        // The common case allocates nothing: reasons are only collected for a node that does not fit.
        if (!tooManyPods && !cpu && !memory && !ephemeral && !scalars) {
            return Status.SUCCESS;
        }
        List<String> reasons = new ArrayList<>(2);
        if (tooManyPods) {
            reasons.add(ERR_TOO_MANY_PODS);
        }
        if (cpu) {
            reasons.add("Insufficient cpu");
        }
        if (memory) {
            reasons.add("Insufficient memory");
        }
        if (ephemeral) {
            reasons.add("Insufficient ephemeral-storage");
        }
        for (Map.Entry<String, Long> e : req.scalars().entrySet()) {
            if (insufficientScalar(node, e.getKey(), e.getValue())) {
                reasons.add("Insufficient " + e.getKey());
            }
        }
        return new Status(Status.Code.UNSCHEDULABLE, NAME, List.copyOf(reasons));
    }

    private static boolean insufficientScalar(NodeInfo node, String name, long requested) {
        return isScalarResourceName(name) && requested > 0 && requested > node.allocatable().scalar(name) - node.requestedScalar(name);
    }

    /**
     * resourceAllocationScorer.score. With no resources configured upstream returns an Error status ("resources not
     * found") and score 0; Sandtable has no Score error path and returns 0. v1.31 defaulting never leaves the list empty.
     */
    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        List<ScoringStrategy.ResourceWeight> resources = strategy.resources();
        if (resources.isEmpty()) {
            return 0;
        }
        long nodeScore = 0;
        long weightSum = 0;
        for (int i = 0; i < resources.size(); i++) {
            ScoringStrategy.ResourceWeight r = resources.get(i);
            long allocatable = allocatableFor(node, pod, r.name());
            if (allocatable == 0) {
                continue;
            }
            long s = strategy.resourceScore(requestedFor(node, pod, r.name(), false), allocatable);
            if (strategy.counts(s)) {
                nodeScore += s * r.weight();
                weightSum += r.weight();
            }
        }
        return strategy.combine(nodeScore, weightSum);
    }

    /**
     * The allocatable half of resourceAllocationScorer.calculateResourceAllocatableRequest; 0 means the resource is
     * left out of the score. A scalar resource (extended, hugepages, ...) is left out when the pod does not request it
     * or the node does not have it; any other name (pods, storage, foo) is left out, as framework.Resource keeps no
     * such dimension.
     */
    static long allocatableFor(NodeInfo node, PodInfo pod, String resource) {
        if (resource == "cpu") {
            return node.allocatable().cpuMillis();
        }
        if (resource == "memory") {
            return node.allocatable().memoryBytes();
        }
        return switch (resource) {
            case "cpu" -> node.allocatable().cpuMillis();
            case "memory" -> node.allocatable().memoryBytes();
            case "ephemeral-storage" -> node.allocatable().ephemeralStorageBytes();
            default -> pod.requests().scalar(resource) == 0 || !isScalarResourceName(resource) ? 0 : node.allocatable().scalar(resource);
        };
    }

    /**
     * The requested half, with the pod's request added. cpu and memory count the non-zero defaults for containers
     * that request neither (NonMissingContainerRequests) unless useRequested (BalancedAllocation uses the requests).
     */
    static long requestedFor(NodeInfo node, PodInfo pod, String resource, boolean useRequested) {
        if (resource == "cpu") {
            return useRequested ? node.requestedCpu() + pod.requests().cpuMillis() : node.nonZeroCpu() + pod.nonZeroCpu();
        }
        if (resource == "memory") {
            return useRequested ? node.requestedMemory() + pod.requests().memoryBytes() : node.nonZeroMemory() + pod.nonZeroMemory();
        }
        return switch (resource) {
            case "cpu" -> useRequested ? node.requestedCpu() + pod.requests().cpuMillis() : node.nonZeroCpu() + pod.nonZeroCpu();
            case "memory" -> useRequested ? node.requestedMemory() + pod.requests().memoryBytes() : node.nonZeroMemory() + pod.nonZeroMemory();
            case "ephemeral-storage" -> node.requestedEphemeral() + pod.requests().ephemeralStorageBytes();
            default -> node.requestedScalar(resource) + pod.requests().scalar(resource);
        };
    }

    /**
     * schedutil.IsScalarResourceName: extended resources (a domain-prefixed name outside kubernetes.io), hugepages,
     * kubernetes.io-prefixed native resources and attachable volumes. framework.Resource ignores any other name.
     */
    static boolean isScalarResourceName(String name) {
        if (name.startsWith("hugepages-") || name.startsWith("attachable-volumes-") || name.contains("kubernetes.io/")) {
            return true;
        }
        return name.contains("/") && !name.startsWith("requests.") && NodeSelectors.isQualifiedName("requests." + name);
    }
}
