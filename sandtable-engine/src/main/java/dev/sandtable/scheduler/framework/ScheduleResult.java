package dev.sandtable.scheduler.framework;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one scheduling cycle for one pod: the chosen node, or the per-node filter statuses
 * (and any PreFilter rejection) that make up kube-scheduler's FitError (v1.31), plus the feasible nodes' scores.
 */
public record ScheduleResult(String pod, String node, int numAllNodes, Map<String, Status> filtered,
                             List<NodeScore> scores, Status preFilterStatus, String postFilterMessage) {

    public ScheduleResult(String pod, String node, int numAllNodes, Map<String, Status> filtered, List<NodeScore> scores, Status preFilterStatus) {
        this(pod, node, numAllNodes, filtered, scores, preFilterStatus, null);
    }

    static ScheduleResult failed(String pod, int all, Map<String, Status> filtered, Status preFilter) {
        return new ScheduleResult(pod, null, all, filtered, List.of(), preFilter, null);
    }

    /** The same failure with what PostFilter (preemption) had to say appended to the message. */
    public ScheduleResult withPostFilterMessage(String message) {
        return new ScheduleResult(pod, node, numAllNodes, filtered, scores, preFilterStatus, message);
    }

    public boolean scheduled() {
        return node != null;
    }

    /** The upstream FitError text, e.g. "0/5 nodes are available: 2 Insufficient cpu, 3 node(s) had untolerated taint {workload: frontend}." */
    public String message() {
        if (scheduled()) {
            return "";
        }
        return FitError.message(numAllNodes, preFilterStatus, filtered.values(), postFilterMessage);
    }

    /** A feasible node's total and its per-plugin scores. */
    public record NodeScore(String node, long total, Map<String, PluginScore> byPlugin) {
    }

    /** One plugin's score for one node: as computed, after NormalizeScore, and multiplied by the plugin weight. */
    public record PluginScore(long raw, long normalized, long weighted) {
    }
}
