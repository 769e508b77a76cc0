package dev.sandtable.network;

import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers "which endpoints does this selector or ipBlock pick" as bitsets over the snapshot's endpoints, the way
 * a NetworkPolicy implementation resolves peers (networking.k8s.io/v1, Kubernetes 1.31). Pods with the same
 * namespace and labels are matched once, and answers for a repeated selector are cached.
 */
final class EndpointIndex {
    private final NetworkSnapshot snapshot;
    private final Map<String, List<LabelGroup>> groupsByNamespace = new HashMap<>();
    private final Map<String, BitSet> podsByNamespace = new HashMap<>();
    private final Map<String, BitSet> cache = new HashMap<>();

    private record LabelGroup(Map<String, String> labels, BitSet members) {
    }

    EndpointIndex(NetworkSnapshot snapshot) {
        this.snapshot = snapshot;
        Map<String, Map<Map<String, String>, BitSet>> groups = new LinkedHashMap<>();
        for (Endpoint e : snapshot.endpoints()) {
            if (e.isExternal()) {
                continue;
            }
            groups.computeIfAbsent(e.namespace(), n -> new LinkedHashMap<>()).computeIfAbsent(e.labels(), l -> new BitSet()).set(e.index());
            podsByNamespace.computeIfAbsent(e.namespace(), n -> new BitSet()).set(e.index());
        }
        groups.forEach((ns, byLabels) -> {
            List<LabelGroup> list = new ArrayList<>();
            byLabels.forEach((labels, members) -> list.add(new LabelGroup(labels, members)));
            groupsByNamespace.put(ns, list);
        });
    }

    /** The pods of a namespace the selector matches; a null selector matches them all. */
    BitSet pods(String namespace, LabelSelector selector) {
        if (Selectors.isEmpty(selector)) {
            return podsByNamespace.getOrDefault(namespace, new BitSet());
        }
        String key = namespace + '\u0000' + Selectors.describe(selector);
        BitSet cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        BitSet out = new BitSet();
        for (LabelGroup g : groupsByNamespace.getOrDefault(namespace, List.of())) {
            if (Selectors.matches(selector, g.labels())) {
                out.or(g.members());
            }
        }
        cache.put(key, out);
        return out;
    }

    /** The namespaces whose labels the selector matches. */
    List<String> namespaces(LabelSelector selector) {
        List<String> out = new ArrayList<>();
        snapshot.namespaces().forEach((name, labels) -> {
            if (Selectors.matches(selector, labels)) {
                out.add(name);
            }
        });
        return out;
    }

    /** The endpoints a peer of a policy in the given namespace matches. */
    BitSet peer(String policyNamespace, PolicyPeer peer) {
        BitSet out = new BitSet();
        if (!peer.valid()) {
            return out;
        }
        if (peer.ipBlock() != null) {
            for (Endpoint e : snapshot.endpoints()) {
                if (peer.ipBlock().matches(e.ip())) {
                    out.set(e.index());
                }
            }
            return out;
        }
        if (peer.namespaceSelector() == null) {
            out.or(pods(policyNamespace, peer.podSelector()));
            return out;
        }
        for (String ns : namespaces(peer.namespaceSelector())) {
            out.or(pods(ns, peer.podSelector()));
        }
        return out;
    }
}
