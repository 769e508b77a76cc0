package dev.sandtable.scheduler.plugins.noderesources;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.ScorePlugin;

/**
 * Mirrors kube-scheduler v1.31 plugins/noderesources BalancedAllocation: favours nodes whose cpu and memory
 * fractions stay close, scoring (1 - standard deviation of the fractions) * 100.
 */
public final class BalancedAllocation implements ScorePlugin {
    public static final String NAME = "NodeResourcesBalancedAllocation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        long allocCpu = node.allocatable().cpuMillis();
        long allocMem = node.allocatable().memoryBytes();
        double[] fractions = new double[2];
        int n = 0;
        if (allocCpu > 0) {
            fractions[n++] = Math.min(1.0, (double) (node.requestedCpu() + pod.requests().cpuMillis()) / allocCpu);
        }
        if (allocMem > 0) {
            fractions[n++] = Math.min(1.0, (double) (node.requestedMemory() + pod.requests().memoryBytes()) / allocMem);
        }
        double std = n == 2 ? Math.abs((fractions[0] - fractions[1]) / 2) : 0;
        return (long) ((1 - std) * MAX_NODE_SCORE);
    }
}
