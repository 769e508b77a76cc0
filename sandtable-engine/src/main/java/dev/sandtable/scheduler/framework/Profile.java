package dev.sandtable.scheduler.framework;

import java.util.List;

/**
 * A scheduler profile: filter plugins in order (PreFilter runs in the same order), score plugins with
 * weights, PostFilter plugins in order (DefaultPreemption by default) and percentageOfNodesToScore (0: adaptive),
 * as kube-scheduler v1.31.
 */
public record Profile(String schedulerName, List<FilterPlugin> filters, List<WeightedScore> scores, List<PostFilterPlugin> postFilters,
                      int percentageOfNodesToScore) {

    public static final String DEFAULT_SCHEDULER = "default-scheduler";

    /** A score plugin and the weight its normalized score is multiplied by. */
    public record WeightedScore(ScorePlugin plugin, long weight) {
    }
}
