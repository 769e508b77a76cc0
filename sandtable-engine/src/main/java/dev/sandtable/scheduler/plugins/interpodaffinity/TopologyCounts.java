package dev.sandtable.scheduler.plugins.interpodaffinity;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts per topology pair (topologyKey, value), as upstream's topologyToMatchedTermCount map, nested by key
 * so a node is checked with one label lookup per distinct key and no allocation. Entries that fall to zero
 * are removed, so size() is the number of pairs with a non-zero count.
 */
final class TopologyCounts {
    private final Map<String, Map<String, long[]>> byKey = new HashMap<>();
    private int pairs;

    /** Adds delta to the pair of key and the node's value for it, when the node has that label. */
    void add(Map<String, String> nodeLabels, String key, long delta) {
        String value = nodeLabels.get(key);
        if (value != null) {
            add(key, value, delta);
        }
    }

    void add(String key, String value, long delta) {
        Map<String, long[]> values = byKey.computeIfAbsent(key, k -> new HashMap<>());
        long[] c = values.get(value);
        if (c == null) {
            c = new long[1];
            values.put(value, c);
            pairs++;
        }
        c[0] += delta;
        if (c[0] == 0) {
            values.remove(value);
            pairs--;
            if (values.isEmpty()) {
                byKey.remove(key);
            }
        }
    }

    long get(String key, String value) {
        Map<String, long[]> values = byKey.get(key);
        if (values == null) {
            return 0;
        }
        long[] c = values.get(value);
        return c == null ? 0 : c[0];
    }

    /** True when some pair (k, v) with a positive count has v equal to the node's label k. */
    boolean anyPositiveOn(Map<String, String> nodeLabels) {
        for (Map.Entry<String, Map<String, long[]>> e : byKey.entrySet()) {
            String v = nodeLabels.get(e.getKey());
            if (v != null) {
                long[] c = e.getValue().get(v);
                if (c != null && c[0] > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean isEmpty() {
        return pairs == 0;
    }

    int size() {
        return pairs;
    }

    /** The counts as "key=value" to count, for tests and explanations. */
    Map<String, Long> asMap() {
        Map<String, Long> out = new HashMap<>();
        byKey.forEach((k, values) -> values.forEach((v, c) -> out.put(k + "=" + v, c[0])));
        return out;
    }
}
