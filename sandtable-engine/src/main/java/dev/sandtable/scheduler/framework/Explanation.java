package dev.sandtable.scheduler.framework;

import java.util.List;
import java.util.Map;

/**
 * Why the scheduler placed a pod where it did, or nowhere: per node the verdict of every filter plugin
 * and, for feasible nodes, every score plugin's raw, normalized and weighted score.
 */
public record Explanation(String pod, int numAllNodes, PluginVerdict preFilter, List<NodeVerdict> nodes,
                          String chosenNode, String message) {

    /** One node: each filter plugin's verdict, whether it is feasible, and its scores when it is. */
    public record NodeVerdict(String node, List<PluginVerdict> filters, boolean feasible,
                              Map<String, ScheduleResult.PluginScore> scores, long total) {
    }

    /** One plugin's verdict: its status code and reasons (empty when it passed). */
    public record PluginVerdict(String plugin, String code, List<String> reasons) {
        public boolean passed() {
            return "Success".equals(code) || "Skip".equals(code);
        }
    }

    static String code(Status.Code c) {
        return switch (c) {
            case SUCCESS -> "Success";
            case UNSCHEDULABLE -> "Unschedulable";
            case UNSCHEDULABLE_AND_UNRESOLVABLE -> "UnschedulableAndUnresolvable";
            case ERROR -> "Error";
            case SKIP -> "Skip";
        };
    }
}
