package dev.sandtable.scheduler.framework;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one scheduling cycle for one pod: the chosen node, or the per-node filter
 * statuses that make up kube-scheduler's FitError (v1.31), plus the scores of the feasible nodes.
 */
public record ScheduleResult(String pod, String node, int numAllNodes, Map<String, Status> filtered,
                             List<NodeScore> scores) {

    public boolean scheduled() {
        return node != null;
    }

    /** The upstream FitError text, e.g. "0/5 nodes are available: 2 Insufficient cpu, 3 node(s) had untolerated taint {workload: frontend}." */
    public String message() {
        if (scheduled()) {
            return "";
        }
        return FitError.message(numAllNodes, filtered.values());
    }

    /** A feasible node's total and its per-plugin weighted scores. */
    public record NodeScore(String node, long total, Map<String, Long> byPlugin) {
    }
}
