package dev.sandtable.scheduler.framework;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The pods placed on nodes, indexed by namespace and label as client-go's indexers index a cache, so the pods a
 * selector may match are found from the index instead of by walking every pod on every node.
 */
public final class PlacedPods {
    // namespace -> label key -> label value -> uid -> pod and the node it is on
    private final Map<String, Map<String, Map<String, Map<String, Placement>>>> byLabel = new HashMap<>();
    // What each pod was indexed under, so it is removed from the same lists even if its labels changed since.
    private final Map<String, Placement> byUid = new HashMap<>();
    private final SelectorCounts selectorCounts = new SelectorCounts();

    /** A pod and the node it is placed on. */
    public record Placement(String uid, PodInfo pod, NodeInfo node, String namespace, Map<String, String> labels) {
    }

    public void add(String uid, PodInfo pod, NodeInfo node) {
        remove(uid);
        String ns = pod.pod().getMetadata().getNamespace();
        Map<String, String> l = pod.pod().getMetadata().getLabels();
        Placement p = new Placement(uid, pod, node, ns == null ? "" : ns, l == null ? Map.of() : Map.copyOf(l));
        byUid.put(uid, p);
        Map<String, Map<String, Map<String, Placement>>> keys = byLabel.computeIfAbsent(p.namespace(), k -> new HashMap<>());
        p.labels().forEach((k, v) -> keys.computeIfAbsent(k, x -> new HashMap<>()).computeIfAbsent(v, x -> new LinkedHashMap<>()).put(uid, p));
        selectorCounts.added(p);
    }

    public void remove(String uid) {
        Placement p = byUid.remove(uid);
        if (p == null) {
            return;
        }
        selectorCounts.removed(p);
        Map<String, Map<String, Map<String, Placement>>> keys = byLabel.get(p.namespace());
        p.labels().forEach((k, v) -> {
            Map<String, Map<String, Placement>> values = keys.get(k);
            Map<String, Placement> pods = values.get(v);
            pods.remove(uid);
            if (pods.isEmpty()) {
                values.remove(v);
                if (values.isEmpty()) {
                    keys.remove(k);
                }
            }
        });
    }

    /**
     * Calls back with every placed pod in the namespace that carries a value the selector requires (by = or in), from
     * the requirement with the fewest such pods; the caller still matches the whole selector. False, without calling
     * back, when the selector has no such requirement to narrow by.
     */
    public boolean forEachCandidate(String namespace, ParsedSelector selector, Consumer<Placement> action) {
        List<Map.Entry<String, List<String>>> required = selector.valueRequirements();
        if (required.isEmpty()) {
            return false;
        }
        Map<String, Map<String, Map<String, Placement>>> keys = byLabel.getOrDefault(namespace, Map.of());
        Map<String, Map<String, Placement>> best = null;
        List<String> bestValues = null;
        int bestSize = Integer.MAX_VALUE;
        for (Map.Entry<String, List<String>> r : required) {
            Map<String, Map<String, Placement>> values = keys.getOrDefault(r.getKey(), Map.of());
            int size = 0;
            for (String v : r.getValue()) {
                Map<String, Placement> pods = values.get(v);
                size += pods == null ? 0 : pods.size();
            }
            if (size < bestSize) {
                best = values;
                bestValues = r.getValue();
                bestSize = size;
            }
        }
        if (bestSize > 0) {
            for (String v : bestValues) {
                Map<String, Placement> pods = best.get(v);
                if (pods != null) {
                    pods.values().forEach(action);
                }
            }
        }
        return true;
    }

    /**
     * Per node with any, how many placed pods in the namespace the selector matches (not being deleted, labels matching),
     * kept up to date from the first time a selector is asked for; the map is read-only to the caller. Null when the
     * selector has no value requirement to narrow by.
     */
    public Map<NodeInfo, long[]> countsByNode(String namespace, ParsedSelector selector) {
        if (selector.valueRequirements().isEmpty()) {
            return null;
        }
        return selectorCounts.countsFor(namespace, selector, this);
    }

    /** How many pods are indexed. */
    public int size() {
        return byUid.size();
    }
}
