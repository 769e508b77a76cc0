package dev.sandtable.scheduler.plugins.podtopologyspread;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What PreFilter computes once per cycle for Filter (podtopologyspread.preFilterState, v1.31). Counts are
 * kept per topology key, as upstream's TpPairToMatchNum is keyed by (key, value): constraints that share a
 * topology key share their counts and their global minimum.
 */
final class PreFilterState {
    final List<Constraint> constraints;
    /** TpPairToMatchNum grouped by key: topology key, then topology value, to matching pods. */
    final Map<String, Map<String, Integer>> matchNum;
    /** TpKeyToCriticalPaths[key][0].MatchNum: the smallest count of any domain of the key, MaxInt32 when none. */
    final Map<String, Integer> minMatchNum;

    // Per constraint index, so that Filter does constant work per constraint and node.
    final Map<String, Integer>[] countsOf;
    final int[] minOf;
    final int[] domainsOf;
    final boolean[] selfMatch;

    @SuppressWarnings("unchecked")
    PreFilterState(List<Constraint> constraints, Map<String, Map<String, Integer>> matchNum, Map<String, String> podLabels) {
        this.constraints = constraints;
        this.matchNum = matchNum;
        this.minMatchNum = new LinkedHashMap<>();
        matchNum.forEach((key, counts) -> {
            int min = Integer.MAX_VALUE;
            for (int n : counts.values()) {
                min = Math.min(min, n);
            }
            minMatchNum.put(key, min);
        });
        int n = constraints.size();
        countsOf = new Map[n];
        minOf = new int[n];
        domainsOf = new int[n];
        selfMatch = new boolean[n];
        for (int i = 0; i < n; i++) {
            Constraint c = constraints.get(i);
            countsOf[i] = matchNum.get(c.topologyKey());
            minOf[i] = minMatchNum.get(c.topologyKey());
            domainsOf[i] = countsOf[i].size();
            selfMatch[i] = c.selector().matches(podLabels);
        }
    }

    /** TpKeyToDomainsNum: how many domains each key has; keys without any domain are absent, as upstream. */
    Map<String, Integer> domainsNum() {
        Map<String, Integer> out = new HashMap<>();
        matchNum.forEach((key, counts) -> {
            if (!counts.isEmpty()) {
                out.put(key, counts.size());
            }
        });
        return out;
    }
}
