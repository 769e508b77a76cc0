package dev.sandtable.scheduler.plugins.interpodaffinity;

import dev.sandtable.scheduler.framework.AffinityTerm;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cluster-wide aggregates of the existing pods, kept across scheduling cycles so PreFilter and PreScore cost
 * O(distinct terms + distinct pod label sets) instead of O(pods with affinity) per cycle. Every count here is
 * a sum of what upstream's per-pod loops add, grouped by equal term or equal (namespace, labels), so the
 * results are the same; {@code InterPodAffinityIndexEquivalenceTest} checks that against the per-pod loops.
 *
 * <p>Each NodeInfo's contribution is recorded and recomputed when its generation changes (pod added or
 * removed, node object replaced); nodes missing from a cycle's list are dropped. Not thread-safe: one index
 * per plugin instance, used by one scheduler.
 */
final class AffinityIndex {

    /** Per term, the number of existing pods carrying it, per value of the term's topology key on their node. */
    static final class TermIndex {
        final HashMap<AffinityTerm, HashMap<String, long[]>> byTerm = new HashMap<>();

        void add(AffinityTerm t, String value, long delta) {
            HashMap<String, long[]> values = byTerm.computeIfAbsent(t, k -> new HashMap<>());
            long[] c = values.computeIfAbsent(value, k -> new long[1]);
            c[0] += delta;
            if (c[0] == 0) {
                values.remove(value);
                if (values.isEmpty()) {
                    byTerm.remove(t);
                }
            }
        }
    }

    /** A pod's namespace and labels: what an incoming pod's terms look at. */
    static final class PodSig {
        final String namespace;
        final Map<String, String> labels;
        private final int hash;

        PodSig(String namespace, Map<String, String> labels) {
            this.namespace = namespace;
            this.labels = labels;
            this.hash = 31 * namespace.hashCode() + labels.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PodSig s && hash == s.hash && namespace.equals(s.namespace) && labels.equals(s.labels);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The existing pods with one signature: how many sit on each node. */
    static final class SigEntry {
        final PodSig sig;
        final IdentityHashMap<NodeInfo, int[]> nodes = new IdentityHashMap<>();

        SigEntry(PodSig sig) {
            this.sig = sig;
        }
    }

    private record TermSlot(TermIndex index, AffinityTerm term, String value) {
    }

    /** What one node added, so it can be taken back exactly even after the node's labels change. */
    private static final class NodeEntry {
        final NodeInfo node;
        long generation;
        long stamp;
        final List<TermSlot> slots = new ArrayList<>();
        final List<long[]> slotCounts = new ArrayList<>();
        final List<SigEntry> sigs = new ArrayList<>();
        final List<int[]> sigCounts = new ArrayList<>();

        NodeEntry(NodeInfo node) {
            this.node = node;
        }
    }

    final TermIndex requiredAntiAffinity = new TermIndex();
    final TermIndex requiredAffinity = new TermIndex();
    final TermIndex preferredAffinity = new TermIndex();
    final TermIndex preferredAntiAffinity = new TermIndex();
    final HashMap<PodSig, SigEntry> sigs = new HashMap<>();

    private final IdentityHashMap<NodeInfo, NodeEntry> nodes = new IdentityHashMap<>();
    private long stamp;
    private List<NodeInfo> lastList;
    private NodeEntry[] lastEntries = new NodeEntry[0];
    // The nodes and generations of the last refresh, in list order, so an unchanged list is checked with one
    // read per node.
    private NodeInfo[] lastNodes = new NodeInfo[0];
    private long[] lastGenerations = new long[0];

    /** Brings the aggregates in line with exactly the pods on these nodes. */
    void refresh(List<NodeInfo> all) {
        int n = all.size();
        if (all == lastList && lastEntries.length == n && nodes.size() == n) {
            boolean same = true;
            for (int i = 0; i < n; i++) {
                NodeInfo ni = all.get(i);
                if (ni != lastNodes[i]) {
                    same = false;
                    break;
                }
                long g = ni.generation();
                if (g != lastGenerations[i]) {
                    NodeEntry e = lastEntries[i];
                    undo(e);
                    add(e);
                    lastGenerations[i] = g;
                }
            }
            if (same) {
                return;
            }
        }
        long s = ++stamp;
        int seen = 0;
        NodeEntry[] entries = new NodeEntry[n];
        for (int i = 0; i < n; i++) {
            NodeInfo ni = all.get(i);
            NodeEntry e = nodes.get(ni);
            if (e == null) {
                e = new NodeEntry(ni);
                nodes.put(ni, e);
                add(e);
            } else if (e.generation != ni.generation()) {
                undo(e);
                add(e);
            }
            if (e.stamp != s) {
                e.stamp = s;
                seen++;
            }
            entries[i] = e;
        }
        if (nodes.size() > seen) {
            for (Iterator<NodeEntry> it = nodes.values().iterator(); it.hasNext(); ) {
                NodeEntry e = it.next();
                if (e.stamp != s) {
                    undo(e);
                    it.remove();
                }
            }
        }
        lastList = all;
        lastEntries = entries;
        lastNodes = all.toArray(new NodeInfo[0]);
        lastGenerations = new long[n];
        for (int i = 0; i < n; i++) {
            lastGenerations[i] = entries[i].generation;
        }
    }

    private void add(NodeEntry e) {
        NodeInfo ni = e.node;
        e.generation = ni.generation();
        Map<String, String> labels = ni.labels();
        HashMap<TermSlot, long[]> slots = new HashMap<>();
        for (PodInfo p : ni.podsWithAffinity()) {
            AffinityTerm.PodTerms terms = p.affinityTerms();
            slot(slots, requiredAntiAffinity, terms.requiredAntiAffinity(), labels);
            slot(slots, requiredAffinity, terms.requiredAffinity(), labels);
            slot(slots, preferredAffinity, terms.preferredAffinity(), labels);
            slot(slots, preferredAntiAffinity, terms.preferredAntiAffinity(), labels);
        }
        for (Map.Entry<TermSlot, long[]> s : slots.entrySet()) {
            TermSlot slot = s.getKey();
            slot.index().add(slot.term(), slot.value(), s.getValue()[0]);
            e.slots.add(slot);
            e.slotCounts.add(s.getValue());
        }
        if (ni.podCount() == 0) {
            return;
        }
        HashMap<PodSig, int[]> local = new HashMap<>();
        for (PodInfo p : ni.pods()) {
            local.computeIfAbsent(sigOf(p.pod()), k -> new int[1])[0]++;
        }
        for (Map.Entry<PodSig, int[]> s : local.entrySet()) {
            SigEntry se = sigs.computeIfAbsent(s.getKey(), SigEntry::new);
            int c = s.getValue()[0];
            se.nodes.computeIfAbsent(ni, k -> new int[1])[0] += c;
            e.sigs.add(se);
            e.sigCounts.add(s.getValue());
        }
    }

    private static void slot(HashMap<TermSlot, long[]> slots, TermIndex index, List<AffinityTerm> terms, Map<String, String> labels) {
        for (AffinityTerm t : terms) {
            String v = labels.get(t.topologyKey());
            if (v != null) {
                slots.computeIfAbsent(new TermSlot(index, t, v), k -> new long[1])[0]++;
            }
        }
    }

    private void undo(NodeEntry e) {
        for (int i = 0; i < e.slots.size(); i++) {
            TermSlot slot = e.slots.get(i);
            slot.index().add(slot.term(), slot.value(), -e.slotCounts.get(i)[0]);
        }
        for (int i = 0; i < e.sigs.size(); i++) {
            SigEntry se = e.sigs.get(i);
            int[] c = se.nodes.get(e.node);
            c[0] -= e.sigCounts.get(i)[0];
            if (c[0] == 0) {
                se.nodes.remove(e.node);
                if (se.nodes.isEmpty()) {
                    sigs.remove(se.sig);
                }
            }
        }
        e.slots.clear();
        e.slotCounts.clear();
        e.sigs.clear();
        e.sigCounts.clear();
    }

    private static PodSig sigOf(Pod pod) {
        String ns = pod.getMetadata() == null || pod.getMetadata().getNamespace() == null ? "" : pod.getMetadata().getNamespace();
        Map<String, String> labels = pod.getMetadata() == null || pod.getMetadata().getLabels() == null
                ? Map.of() : Map.copyOf(withoutNullValues(pod.getMetadata().getLabels()));
        return new PodSig(ns, labels);
    }

    private static Map<String, String> withoutNullValues(Map<String, String> labels) {
        if (!labels.containsValue(null)) {
            return labels;
        }
        Map<String, String> out = new HashMap<>();
        labels.forEach((k, v) -> out.put(k, Objects.requireNonNullElse(v, "")));
        return out;
    }

    // ---------------------------------------------------------------- queries

    /** Existing pods' required anti-affinity terms that match the incoming pod, per topology pair. */
    TopologyCounts existingAntiAffinityCounts(Pod incoming, Map<String, String> nsLabels) {
        TopologyCounts counts = new TopologyCounts();
        for (Map.Entry<AffinityTerm, HashMap<String, long[]>> e : requiredAntiAffinity.byTerm.entrySet()) {
            AffinityTerm t = e.getKey();
            if (t.matches(incoming, nsLabels)) {
                for (Map.Entry<String, long[]> v : e.getValue().entrySet()) {
                    counts.add(t.topologyKey(), v.getKey(), v.getValue()[0]);
                }
            }
        }
        return counts;
    }

    /** Existing pods matching all the incoming affinity terms, and each incoming anti-affinity term, per topology pair. */
    TopologyCounts[] incomingAffinityAntiAffinityCounts(List<AffinityTerm> affinityTerms, List<AffinityTerm> antiAffinityTerms) {
        TopologyCounts affinity = new TopologyCounts();
        TopologyCounts anti = new TopologyCounts();
        if (affinityTerms.isEmpty() && antiAffinityTerms.isEmpty()) {
            return new TopologyCounts[] {affinity, anti};
        }
        for (SigEntry se : sigs.values()) {
            PodSig sig = se.sig;
            if (matchesAll(affinityTerms, sig)) {
                for (AffinityTerm t : affinityTerms) {
                    addPerNode(affinity, se, t.topologyKey(), 1);
                }
            }
            for (AffinityTerm t : antiAffinityTerms) {
                if (t.matches(sig.namespace, sig.labels, null)) {
                    addPerNode(anti, se, t.topologyKey(), 1);
                }
            }
        }
        return new TopologyCounts[] {affinity, anti};
    }

    private static boolean matchesAll(List<AffinityTerm> terms, PodSig sig) {
        if (terms.isEmpty()) {
            return false;
        }
        for (AffinityTerm t : terms) {
            if (!t.matches(sig.namespace, sig.labels, null)) {
                return false;
            }
        }
        return true;
    }

    private static void addPerNode(TopologyCounts counts, SigEntry se, String key, long multiplier) {
        for (Map.Entry<NodeInfo, int[]> n : se.nodes.entrySet()) {
            String v = n.getKey().labels().get(key);
            if (v != null) {
                counts.add(key, v, multiplier * n.getValue()[0]);
            }
        }
    }

    /**
     * The PreScore sums: the incoming pod's preferred terms against every existing pod (when it has any), and
     * existing pods' required affinity (at hardPodAffinityWeight) and preferred (anti-)affinity against it.
     */
    Map<String, Map<String, long[]>> topologyScore(Pod incoming, Map<String, String> nsLabels, List<AffinityTerm> preferredAffinity,
                                                   List<AffinityTerm> preferredAntiAffinity, int hardPodAffinityWeight) {
        Map<String, Map<String, long[]>> score = new HashMap<>();
        if (!preferredAffinity.isEmpty() || !preferredAntiAffinity.isEmpty()) {
            for (SigEntry se : sigs.values()) {
                PodSig sig = se.sig;
                for (AffinityTerm t : preferredAffinity) {
                    if (t.matches(sig.namespace, sig.labels, null)) {
                        addScorePerNode(score, se, t.topologyKey(), t.weight());
                    }
                }
                for (AffinityTerm t : preferredAntiAffinity) {
                    if (t.matches(sig.namespace, sig.labels, null)) {
                        addScorePerNode(score, se, t.topologyKey(), -t.weight());
                    }
                }
            }
        }
        if (hardPodAffinityWeight > 0) {
            addScore(score, requiredAffinity, incoming, nsLabels, hardPodAffinityWeight, true);
        }
        addScore(score, this.preferredAffinity, incoming, nsLabels, 1, false);
        addScore(score, this.preferredAntiAffinity, incoming, nsLabels, -1, false);
        return score;
    }

    private static void addScorePerNode(Map<String, Map<String, long[]>> score, SigEntry se, String key, long weight) {
        for (Map.Entry<NodeInfo, int[]> n : se.nodes.entrySet()) {
            String v = n.getKey().labels().get(key);
            if (v != null) {
                score.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(v, k -> new long[1])[0] += weight * n.getValue()[0];
            }
        }
    }

    /** Adds count x weight for each term matching the incoming pod; the weight is fixed or the term's own times the sign. */
    private static void addScore(Map<String, Map<String, long[]>> score, TermIndex index, Pod incoming, Map<String, String> nsLabels,
                                 long weightOrSign, boolean fixedWeight) {
        for (Map.Entry<AffinityTerm, HashMap<String, long[]>> e : index.byTerm.entrySet()) {
            AffinityTerm t = e.getKey();
            if (!t.matches(incoming, nsLabels)) {
                continue;
            }
            long w = fixedWeight ? weightOrSign : weightOrSign * t.weight();
            Map<String, long[]> values = score.computeIfAbsent(t.topologyKey(), k -> new HashMap<>());
            for (Map.Entry<String, long[]> v : e.getValue().entrySet()) {
                values.computeIfAbsent(v.getKey(), k -> new long[1])[0] += w * v.getValue()[0];
            }
        }
    }
}
