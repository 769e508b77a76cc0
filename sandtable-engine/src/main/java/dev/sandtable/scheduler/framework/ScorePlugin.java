package dev.sandtable.scheduler.framework;

import java.util.Arrays;
import java.util.List;

/** The Score and NormalizeScore extension points: how good is each feasible node, on a 0-100 scale after normalizing. */
public interface ScorePlugin extends Plugin {
    long MAX_NODE_SCORE = 100;

    long score(CycleState state, PodInfo pod, NodeInfo node);

    /** Rescales raw scores in place to 0..100; the default leaves them as they are. */
    default void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    }

    /**
     * framework helper DefaultNormalizeScore: scales to max and, when reverse, flips so fewer is better.
     */
    static void defaultNormalize(long[] scores, boolean reverse) {
        long max = 0;
        for (long s : scores) {
            max = Math.max(max, s);
        }
        if (max == 0) {
            if (reverse) {
                Arrays.fill(scores, MAX_NODE_SCORE);
            }
            return;
        }
        for (int i = 0; i < scores.length; i++) {
            long s = MAX_NODE_SCORE * scores[i] / max;
            scores[i] = reverse ? MAX_NODE_SCORE - s : s;
        }
    }
}
