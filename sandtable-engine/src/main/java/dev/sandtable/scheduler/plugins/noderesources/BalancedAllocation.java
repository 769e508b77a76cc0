package dev.sandtable.scheduler.plugins.noderesources;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.ScorePlugin;

/**
 * Mirrors kube-scheduler v1.31 plugins/noderesources BalancedAllocation: favours nodes whose cpu and memory
 * fractions stay close, scoring (1 - standard deviation of the fractions) * 100 over the configured resources.
 */
public final class BalancedAllocation implements ScorePlugin {
    public static final String NAME = "NodeResourcesBalancedAllocation";

    private final java.util.List<ScoringStrategy.ResourceWeight> resources;

    /** The default: cpu and memory. */
    public BalancedAllocation() {
        this(ScoringStrategy.DEFAULT_RESOURCES);
    }

    /** BalancedAllocationArgs.resources (weights are accepted and, as upstream, not used). */
    public BalancedAllocation(java.util.List<ScoringStrategy.ResourceWeight> resources) {
        this.resources = java.util.List.copyOf(resources);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        double[] fractions = new double[resources.size()];
        int n = 0;
        double total = 0;
        for (ScoringStrategy.ResourceWeight r : resources) {
            long alloc = Fit.allocatable(node, r.name());
            if (alloc == 0 || Fit.isExtended(r.name()) && pod.requests().scalar(r.name()) == 0) {
                continue;
            }
            double f = Math.min(1.0, (double) requested(node, pod, r.name()) / alloc);
            fractions[n++] = f;
            total += f;
        }
        double std = 0;
        if (n == 2) {
            std = Math.abs((fractions[0] - fractions[1]) / 2);
        } else if (n > 2) {
            double mean = total / n;
            double variance = 0;
            for (int i = 0; i < n; i++) {
                variance += (fractions[i] - mean) * (fractions[i] - mean);
            }
            std = Math.sqrt(variance / n);
        }
        return (long) ((1 - std) * MAX_NODE_SCORE);
    }

    /** Balanced allocation counts the pod's actual requests, not the scoring defaults. */
    private static long requested(NodeInfo node, PodInfo pod, String resource) {
        return switch (resource) {
            case "cpu" -> node.requestedCpu() + pod.requests().cpuMillis();
            case "memory" -> node.requestedMemory() + pod.requests().memoryBytes();
            case "ephemeral-storage" -> node.requestedEphemeral() + pod.requests().ephemeralStorageBytes();
            default -> node.requestedScalar(resource) + pod.requests().scalar(resource);
        };
    }
}
