package dev.sandtable.scheduler.plugins.podtopologyspread;

import dev.sandtable.scheduler.framework.NodeInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What PreScore computes once per cycle for Score and NormalizeScore (podtopologyspread.preScoreState, v1.31):
 * the soft constraints, the feasible nodes ignored for lacking topology keys, matching pods per (key, value)
 * over all nodes, and each constraint's normalizing weight. Counts per node for hostname constraints, which
 * upstream takes at Score time, are taken here once for the feasible nodes (kept only where not zero).
 */
final class PreScoreState {
    final List<Constraint> constraints;
    final Set<String> ignoredNodes;
    /** TopologyPairToPodCounts grouped by key: topology key, then topology value, to a counter. */
    final Map<String, Map<String, long[]>> pairCounts;
    final double[] weights;
    /** Matching pods per constraint index on the feasible nodes that have any (read for hostname constraints). */
    final Map<NodeInfo, long[]> hostnameCounts;
    // Per constraint index, so that Score does not look the key up for every node.
    final boolean[] hostname;
    final Map<String, long[]>[] countsOf;

    @SuppressWarnings("unchecked")
    PreScoreState(List<Constraint> constraints, Set<String> ignoredNodes, Map<String, Map<String, long[]>> pairCounts,
                  double[] weights, Map<NodeInfo, long[]> hostnameCounts) {
        this.constraints = constraints;
        this.ignoredNodes = ignoredNodes;
        this.pairCounts = pairCounts;
        this.weights = weights;
        this.hostnameCounts = hostnameCounts;
        this.hostname = new boolean[constraints.size()];
        this.countsOf = new Map[constraints.size()];
        for (int i = 0; i < constraints.size(); i++) {
            hostname[i] = PodTopologySpread.LABEL_HOSTNAME.equals(constraints.get(i).topologyKey());
            countsOf[i] = pairCounts.get(constraints.get(i).topologyKey());
        }
    }
}
