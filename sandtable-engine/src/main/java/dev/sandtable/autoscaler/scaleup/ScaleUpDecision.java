package dev.sandtable.autoscaler.scaleup;

import java.util.List;

/**
 * A scale-up the autoscaler considered: when, how many pods waited (and some of them), every pool's verdict, and the
 * pool and node count chosen (null when no pool could help).
 */
public record ScaleUpDecision(long atMillis, int pendingPods, List<String> examplePods, List<PoolVerdict> pools, String chosenPool,
                              int nodes, List<String> expanders) {
}
