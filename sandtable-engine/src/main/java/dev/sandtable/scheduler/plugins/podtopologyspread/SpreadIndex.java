package dev.sandtable.scheduler.plugins.podtopologyspread;

import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.NodeSnapshot;
import dev.sandtable.scheduler.framework.ParsedSelector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matching-pod counts per topology value for one (namespace, selector, topology key, keys a node must carry),
 * kept current from the cache's change journal so a PreFilter costs the nodes that changed, not every pod.
 * It gives exactly the counts the full walk gives when every node carrying the keys is eligible.
 */
final class SpreadIndex {
    private final String namespace;
    private final ParsedSelector selector;
    private final String topologyKey;
    private final List<String> requiredKeys;
    // Per node position: what the node last added to the counts and under which value (labels may change).
    private String[] valueAt = new String[0];
    private int[] countAt = new int[0];
    private final Map<String, Integer> counts = new HashMap<>();
    // A value stays in the counts, even at zero, while some eligible node carries it: empty domains count for the minimum.
    private final Map<String, Integer> nodesPerValue = new HashMap<>();
    private List<NodeInfo> nodes;
    private long seen;

    SpreadIndex(String namespace, ParsedSelector selector, String topologyKey, List<String> requiredKeys) {
        this.namespace = namespace;
        this.selector = selector;
        this.topologyKey = topologyKey;
        this.requiredKeys = requiredKeys;
    }

    /** Counts per value of the topology key over the snapshot's nodes, brought up to date first. */
    Map<String, Integer> counts(NodeSnapshot snapshot) {
        List<NodeInfo> changed = snapshot == nodes ? snapshot.summary().changedSince(seen) : null;
        // A long-unused index would replay more changes than there are nodes: recount from scratch instead.
        if (changed == null || changed.size() > snapshot.size()) {
            valueAt = new String[snapshot.size()];
            countAt = new int[snapshot.size()];
            counts.clear();
            nodesPerValue.clear();
            for (NodeInfo n : snapshot) {
                recount(n);
            }
            nodes = snapshot;
        } else {
            for (NodeInfo n : changed) {
                recount(n);
            }
        }
        seen = snapshot.summary().changes();
        return counts;
    }

    private void recount(NodeInfo n) {
        int at = n.position();
        String oldValue = valueAt[at];
        if (oldValue != null) {
            valueAt[at] = null;
            counts.merge(oldValue, -countAt[at], Integer::sum);
            if (nodesPerValue.merge(oldValue, -1, (a, b) -> a + b == 0 ? null : a + b) == null) {
                counts.remove(oldValue);
            }
        }
        for (String k : requiredKeys) {
            if (!n.labels().containsKey(k)) {
                return;
            }
        }
        String value = n.label(topologyKey);
        int c = PodTopologySpread.countMatching(n, selector, namespace);
        valueAt[at] = value;
        countAt[at] = c;
        counts.merge(value, c, Integer::sum);
        nodesPerValue.merge(value, 1, Integer::sum);
    }
}
