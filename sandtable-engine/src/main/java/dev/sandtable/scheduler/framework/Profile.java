package dev.sandtable.scheduler.framework;

import dev.sandtable.scheduler.plugins.nodeaffinity.NodeAffinity;
import dev.sandtable.scheduler.plugins.nodename.NodeName;
import dev.sandtable.scheduler.plugins.nodeports.NodePorts;
import dev.sandtable.scheduler.plugins.noderesources.BalancedAllocation;
import dev.sandtable.scheduler.plugins.noderesources.Fit;
import dev.sandtable.scheduler.plugins.nodeunschedulable.NodeUnschedulable;
import dev.sandtable.scheduler.plugins.tainttoleration.TaintToleration;
import java.util.List;

/**
 * A scheduler profile: filter plugins in order (PreFilter runs in the same order), score plugins with
 * weights, and percentageOfNodesToScore (0: adaptive), as the default-scheduler profile of kube-scheduler v1.31.
 */
public record Profile(String schedulerName, List<FilterPlugin> filters, List<WeightedScore> scores, int percentageOfNodesToScore) {

    public static final String DEFAULT_SCHEDULER = "default-scheduler";

    public static Profile defaultProfile() {
        TaintToleration taints = new TaintToleration();
        NodeAffinity affinity = new NodeAffinity();
        Fit fit = new Fit();
        return new Profile(DEFAULT_SCHEDULER,
                List.of(new NodeUnschedulable(), new NodeName(), taints, affinity, new NodePorts(), fit),
                List.of(new WeightedScore(taints, 3), new WeightedScore(affinity, 2), new WeightedScore(fit, 1),
                        new WeightedScore(new BalancedAllocation(), 1)), 0);
    }

    /** A score plugin and the weight its normalized score is multiplied by. */
    public record WeightedScore(ScorePlugin plugin, long weight) {
    }
}
