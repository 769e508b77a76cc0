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

    public Fit(ScoringStrategy strategy) {
        this.strategy = strategy;
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
        for (Map.Entry<String, Long> e : req.scalars().entrySet()) {
            scalars |= insufficientScalar(node, e.getKey(), e.getValue());
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

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        long weighted = 0;
        long weights = 0;
        for (ScoringStrategy.ResourceWeight r : strategy.resources()) {
            long alloc = allocatable(node, r.name());
            if (alloc == 0 || isExtended(r.name()) && pod.requests().scalar(r.name()) == 0) {
                continue;
            }
            weighted += strategy.score(requestedWithPod(node, pod, r.name()), alloc) * r.weight();
            weights += r.weight();
        }
        return strategy.combine(weighted, weights);
    }

    static boolean isExtended(String resource) {
        return !resource.equals("cpu") && !resource.equals("memory") && !resource.equals("ephemeral-storage");
    }

    static long allocatable(NodeInfo node, String resource) {
        return switch (resource) {
            case "cpu" -> node.allocatable().cpuMillis();
            case "memory" -> node.allocatable().memoryBytes();
            case "ephemeral-storage" -> node.allocatable().ephemeralStorageBytes();
            default -> node.allocatable().scalar(resource);
        };
    }

    /** What the node would have requested with the pod; cpu and memory count the non-zero defaults for pods that ask for none. */
    static long requestedWithPod(NodeInfo node, PodInfo pod, String resource) {
        return switch (resource) {
            case "cpu" -> node.nonZeroCpu() + pod.nonZeroCpu();
            case "memory" -> node.nonZeroMemory() + pod.nonZeroMemory();
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
