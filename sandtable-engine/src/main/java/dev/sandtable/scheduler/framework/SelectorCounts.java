package dev.sandtable.scheduler.framework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per node, how many placed pods each selector asked about matches (not being deleted and matching its labels); worked
 * out from the label index the first time a selector is asked for, then kept as pods are placed and removed, so a
 * scheduling cycle reads the nodes with matching pods instead of walking every matching pod.
 */
final class SelectorCounts {
    private record Key(String namespace, ParsedSelector selector) {
    }

    // Sparse: only nodes with at least one matching pod, so many small selectors stay small.
    private final Map<Key, Map<NodeInfo, long[]>> counts = new HashMap<>();
    // namespace -> label key -> label value -> selectors narrowed by it, so a placed pod is tried only against selectors it may match
    private final Map<String, Map<String, Map<String, Set<Key>>>> watching = new HashMap<>();
    // What each pod was counted under, so removing it takes back exactly what adding it gave.
    private final Map<String, List<Key>> countedUnder = new HashMap<>();

    /** The counts for a selector with a value requirement, computed through the index if not yet kept. */
    Map<NodeInfo, long[]> countsFor(String namespace, ParsedSelector selector, PlacedPods index) {
        Key key = new Key(namespace, selector);
        Map<NodeInfo, long[]> kept = counts.get(key);
        if (kept != null) {
            return kept;
        }
        Map<NodeInfo, long[]> out = new HashMap<>();
        index.forEachCandidate(namespace, selector, p -> {
            if (matches(selector, p)) {
                out.computeIfAbsent(p.node(), k -> new long[1])[0]++;
                countedUnder.computeIfAbsent(p.uid(), k -> new ArrayList<>(1)).add(key);
            }
        });
        if (out.isEmpty()) {
            // Nothing to keep up to date: asking again walks no pods either.
            return out;
        }
        counts.put(key, out);
        watch(key, true);
        return out;
    }

    void added(PlacedPods.Placement p) {
        Map<String, Map<String, Set<Key>>> keys = watching.get(p.namespace());
        if (keys == null) {
            return;
        }
        p.labels().forEach((k, v) -> {
            Map<String, Set<Key>> values = keys.get(k);
            Set<Key> selectors = values == null ? null : values.get(v);
            if (selectors == null) {
                return;
            }
            for (Key key : selectors) {
                if (matches(key.selector(), p)) {
                    counts.get(key).computeIfAbsent(p.node(), x -> new long[1])[0]++;
                    countedUnder.computeIfAbsent(p.uid(), x -> new ArrayList<>(1)).add(key);
                }
            }
        });
    }

    void removed(PlacedPods.Placement p) {
        List<Key> under = countedUnder.remove(p.uid());
        if (under == null) {
            return;
        }
        for (Key key : under) {
            Map<NodeInfo, long[]> byNode = counts.get(key);
            long[] c = byNode.get(p.node());
            if (--c[0] == 0) {
                byNode.remove(p.node());
                if (byNode.isEmpty()) {
                    // Dropped once empty so selectors of workloads that are gone hold no memory.
                    counts.remove(key);
                    watch(key, false);
                }
            }
        }
    }

    private static boolean matches(ParsedSelector selector, PlacedPods.Placement p) {
        return p.pod().pod().getMetadata().getDeletionTimestamp() == null && selector.matches(p.pod().pod().getMetadata().getLabels());
    }

    /** Registers or unregisters a selector under the values of its first value requirement, one of which a match carries. */
    private void watch(Key key, boolean on) {
        Map.Entry<String, List<String>> r = key.selector().valueRequirements().getFirst();
        Map<String, Map<String, Set<Key>>> keys = watching.computeIfAbsent(key.namespace(), x -> new HashMap<>());
        Map<String, Set<Key>> values = keys.computeIfAbsent(r.getKey(), x -> new HashMap<>());
        for (String v : r.getValue()) {
            if (on) {
                values.computeIfAbsent(v, x -> new HashSet<>()).add(key);
                continue;
            }
            Set<Key> selectors = values.get(v);
            selectors.remove(key);
            if (selectors.isEmpty()) {
                values.remove(v);
            }
        }
        if (values.isEmpty()) {
            keys.remove(r.getKey());
            if (keys.isEmpty()) {
                watching.remove(key.namespace());
            }
        }
    }
}
