package dev.sandtable.scheduler.plugins.podtopologyspread;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What PreScore computes once per cycle for Score and NormalizeScore (podtopologyspread.preScoreState, v1.31):
 * the soft constraints, the feasible nodes ignored for lacking topology keys, matching pods per (key, value)
 * over all nodes, and each constraint's normalizing weight. Counts per node for hostname constraints, which
 * upstream takes at Score time, are taken here once for the feasible nodes.
 */
final class PreScoreState {
    final List<Constraint> constraints;
    final Set<String> ignoredNodes;
    /** TopologyPairToPodCounts grouped by key: topology key, then topology value, to a counter. */
    final Map<String, Map<String, long[]>> pairCounts;
    final double[] weights;
    /** Feasible node name to matching pods on it, per constraint index (filled for hostname constraints). */
    final Map<String, long[]> hostnameCounts;

    PreScoreState(List<Constraint> constraints, Set<String> ignoredNodes, Map<String, Map<String, long[]>> pairCounts,
                  double[] weights, Map<String, long[]> hostnameCounts) {
        this.constraints = constraints;
        this.ignoredNodes = ignoredNodes;
        this.pairCounts = pairCounts;
        this.weights = weights;
        this.hostnameCounts = hostnameCounts;
    }
}
