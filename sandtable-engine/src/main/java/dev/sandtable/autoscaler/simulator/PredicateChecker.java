package dev.sandtable.autoscaler.simulator;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.Framework;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.Status;
import java.util.List;
import java.util.function.Predicate;

/**
 * Whether a pod fits a node, asked of the scheduler's own PreFilter and Filter plugins, as cluster-autoscaler 1.31's
 * SchedulerBasedPredicateChecker asks a scheduler framework built from the default profile.
 */
public final class PredicateChecker {
    private final Framework framework;
    private int lastIndex;

    public PredicateChecker(Framework framework) {
        this.framework = framework;
    }

    /** The verdict for one node: SUCCESS, or the first rejecting plugin and its reasons. */
    public Status check(PodInfo pod, List<NodeInfo> nodes, NodeInfo node) {
        Status[] pre = new Status[1];
        CycleState state = framework.preFilter(pod, nodes, pre);
        return pre[0].isSuccess() ? framework.runFilters(state, pod, node) : pre[0];
    }

    /**
     * FitsAnyNodeMatching: the first matching node the pod fits, walking on from where the last search succeeded
     * so that successive pods spread as upstream's round-robin hint makes them; null when none fits.
     */
    public NodeInfo fitsAny(PodInfo pod, List<NodeInfo> nodes, Predicate<NodeInfo> matching) {
        int n = nodes.size();
        if (n == 0) {
            return null;
        }
        Status[] pre = new Status[1];
        CycleState state = framework.preFilter(pod, nodes, pre);
        if (!pre[0].isSuccess()) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            int at = (lastIndex + i) % n;
            NodeInfo node = nodes.get(at);
            if (matching.test(node) && framework.runFilters(state, pod, node).isSuccess()) {
                lastIndex = at;
                return node;
            }
        }
        return null;
    }
}
