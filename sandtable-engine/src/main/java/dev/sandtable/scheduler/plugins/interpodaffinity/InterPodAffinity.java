package dev.sandtable.scheduler.plugins.interpodaffinity;

import dev.sandtable.scheduler.framework.AffinityTerm;
import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.FilterPlugin;
import dev.sandtable.scheduler.framework.Listers;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.NodeSnapshot;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.PreFilterPlugin;
import dev.sandtable.scheduler.framework.PreScorePlugin;
import dev.sandtable.scheduler.framework.ScorePlugin;
import dev.sandtable.scheduler.framework.Status;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mirrors kube-scheduler v1.31 plugins/interpodaffinity (filtering.go, scoring.go, plugin.go).
 *
 * <p>Filter: the incoming pod's required affinity (every term's topology must hold a pod matching all
 * terms, except that the first pod of a self-affine group may land anywhere with the topology labels when no
 * pod matches anywhere), its required anti-affinity, and the required anti-affinity of existing pods toward
 * it. PreFilter counts the matches per topology pair once per cycle, so Filter is O(terms) per node.
 *
 * <p>Score: preferred (anti-)affinity of the incoming pod against existing pods, and of existing pods toward
 * the incoming pod (their required affinity weighted by hardPodAffinityWeight), summed per topology pair in
 * PreScore; Score adds the pairs of the node, NormalizeScore maps min..max onto 0..100.
 *
 * <p>A term's namespaceSelector is resolved through the namespace lister: for the incoming pod's terms it is
 * unrolled into the namespace set once per cycle (an empty selector keeps matching every namespace); existing
 * pods' terms are matched against the incoming pod's namespace labels.
 *
 * <p>Where upstream walks every existing pod with affinity in each PreFilter and PreScore, this plugin keeps
 * {@link AffinityIndex}, aggregates of the existing pods updated from NodeInfo generations, and gets the same
 * counts from it. One instance serves one scheduler; it is not thread-safe.
 */
public final class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    public static final String NAME = "InterPodAffinity";
    public static final int DEFAULT_HARD_POD_AFFINITY_WEIGHT = 1;
    public static final int MIN_HARD_POD_AFFINITY_WEIGHT = 0;
    public static final int MAX_HARD_POD_AFFINITY_WEIGHT = 100;

    /** Existing pods' required anti-affinity would be violated (Unschedulable). */
    public static final String ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";
    /** The incoming pod's required affinity is not satisfied (UnschedulableAndUnresolvable). */
    public static final String ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
    /** The incoming pod's required anti-affinity is violated (Unschedulable). */
    public static final String ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";

    static final String PRE_FILTER_STATE_KEY = "PreFilter" + NAME;
    static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;
    /** The node list the index was brought up to date with in this cycle, so PreScore need not check again. */
    static final String INDEXED_NODES_KEY = "Indexed" + NAME;

    private final Listers listers;
    private final int hardPodAffinityWeight;
    private final boolean ignorePreferredTermsOfExistingPods;
    /** Cross-cycle aggregates of the existing pods; null to walk every pod each cycle as upstream does. */
    private final AffinityIndex index;

    /** The plugin with upstream's default args: hardPodAffinityWeight 1, ignorePreferredTermsOfExistingPods false. */
    public InterPodAffinity(Listers listers) {
        this(listers, DEFAULT_HARD_POD_AFFINITY_WEIGHT, false);
    }

    /** InterPodAffinityArgs; hardPodAffinityWeight must be within 0..100 as ValidateInterPodAffinityArgs requires. */
    public InterPodAffinity(Listers listers, int hardPodAffinityWeight, boolean ignorePreferredTermsOfExistingPods) {
        this(listers, hardPodAffinityWeight, ignorePreferredTermsOfExistingPods, true);
    }

    /** With indexed false, PreFilter and PreScore walk every existing pod each cycle (the reference for the index). */
    InterPodAffinity(Listers listers, int hardPodAffinityWeight, boolean ignorePreferredTermsOfExistingPods, boolean indexed) {
        if (hardPodAffinityWeight < MIN_HARD_POD_AFFINITY_WEIGHT || hardPodAffinityWeight > MAX_HARD_POD_AFFINITY_WEIGHT) {
            throw new IllegalArgumentException("hardPodAffinityWeight: Invalid value: " + hardPodAffinityWeight
                    + ": not in valid range [" + MIN_HARD_POD_AFFINITY_WEIGHT + "-" + MAX_HARD_POD_AFFINITY_WEIGHT + "]");
        }
        this.listers = listers;
        this.hardPodAffinityWeight = hardPodAffinityWeight;
        this.ignorePreferredTermsOfExistingPods = ignorePreferredTermsOfExistingPods;
        this.index = indexed ? new AffinityIndex() : null;
    }

    @Override
    public String name() {
        return NAME;
    }

    // ---------------------------------------------------------------- filtering

    /** What PreFilter computed for Filter. */
    static final class PreFilterState {
        final List<AffinityTerm> affinityTerms;
        final List<AffinityTerm> antiAffinityTerms;
        /** Existing pods whose required anti-affinity terms match the incoming pod, per topology pair. */
        final TopologyCounts existingAntiAffinityCounts;
        /** Existing pods matching all of the incoming pod's required affinity terms, per term topology pair. */
        final TopologyCounts affinityCounts;
        /** Existing pods matching each of the incoming pod's required anti-affinity terms, per topology pair. */
        final TopologyCounts antiAffinityCounts;
        /** The incoming pod matches all its own affinity terms. */
        final boolean matchesOwnAffinity;

        PreFilterState(List<AffinityTerm> affinityTerms, List<AffinityTerm> antiAffinityTerms, TopologyCounts existing,
                       TopologyCounts affinity, TopologyCounts anti, boolean matchesOwnAffinity) {
            this.affinityTerms = affinityTerms;
            this.antiAffinityTerms = antiAffinityTerms;
            this.existingAntiAffinityCounts = existing;
            this.affinityCounts = affinity;
            this.antiAffinityCounts = anti;
            this.matchesOwnAffinity = matchesOwnAffinity;
        }
    }

    @Override
    public Status preFilter(CycleState state, PodInfo pod, List<NodeInfo> allNodes) {
        AffinityTerm.PodTerms terms = pod.affinityTerms();
        if (terms.parseError() != null) {
            return Status.unresolvable(NAME, "parsing pod: " + terms.parseError());
        }
        // Nothing to check when the pod has no required terms and no pod in the cluster has required anti-affinity.
        if (allNodes instanceof NodeSnapshot snapshot && snapshot.summary().podsWithRequiredAntiAffinity() == 0
                && terms.requiredAffinity().isEmpty() && terms.requiredAntiAffinity().isEmpty()) {
            return Status.SKIP;
        }
        List<AffinityTerm> affinityTerms = mergeNamespaces(terms.requiredAffinity());
        List<AffinityTerm> antiAffinityTerms = mergeNamespaces(terms.requiredAntiAffinity());
        Map<String, String> nsLabels = listers.namespaceLabels(namespaceOf(pod.pod()));

        TopologyCounts existing;
        TopologyCounts[] incoming;
        if (index != null) {
            index.refresh(allNodes);
            state.write(INDEXED_NODES_KEY, allNodes);
            existing = index.existingAntiAffinityCounts(pod.pod(), nsLabels);
            incoming = index.incomingAffinityAntiAffinityCounts(affinityTerms, antiAffinityTerms);
        } else {
            existing = existingAntiAffinityCounts(pod.pod(), nsLabels, allNodes);
            incoming = incomingAffinityAntiAffinityCounts(affinityTerms, antiAffinityTerms, allNodes);
        }

        if (existing.isEmpty() && affinityTerms.isEmpty() && antiAffinityTerms.isEmpty()) {
            return Status.SKIP;
        }
        state.write(PRE_FILTER_STATE_KEY, new PreFilterState(affinityTerms, antiAffinityTerms, existing, incoming[0], incoming[1],
                podMatchesAllAffinityTerms(affinityTerms, pod.pod())));
        return Status.SUCCESS;
    }

    /** For each existing pod with required anti-affinity, the pairs of its terms that match the incoming pod. */
    static TopologyCounts existingAntiAffinityCounts(Pod incoming, Map<String, String> nsLabels, List<NodeInfo> nodes) {
        TopologyCounts counts = new TopologyCounts();
        for (NodeInfo node : nodes) {
            Collection<PodInfo> withAnti = node.podsWithRequiredAntiAffinity();
            if (withAnti.isEmpty()) {
                continue;
            }
            Map<String, String> labels = node.labels();
            for (PodInfo existing : withAnti) {
                for (AffinityTerm t : existing.affinityTerms().requiredAntiAffinity()) {
                    if (t.matches(incoming, nsLabels)) {
                        counts.add(labels, t.topologyKey(), 1);
                    }
                }
            }
        }
        return counts;
    }

    /**
     * Existing pods that match all the incoming affinity terms (counted once per term's topology pair), and
     * existing pods matching each incoming anti-affinity term. The terms have their namespaceSelector unrolled,
     * so no namespace labels are needed.
     */
    static TopologyCounts[] incomingAffinityAntiAffinityCounts(List<AffinityTerm> affinityTerms, List<AffinityTerm> antiAffinityTerms,
                                                               List<NodeInfo> nodes) {
        TopologyCounts affinity = new TopologyCounts();
        TopologyCounts anti = new TopologyCounts();
        if (affinityTerms.isEmpty() && antiAffinityTerms.isEmpty()) {
            return new TopologyCounts[] {affinity, anti};
        }
        for (NodeInfo node : nodes) {
            if (node.podCount() == 0) {
                continue;
            }
            Map<String, String> labels = node.labels();
            for (PodInfo existing : node.pods()) {
                Pod p = existing.pod();
                if (podMatchesAllAffinityTerms(affinityTerms, p)) {
                    for (AffinityTerm t : affinityTerms) {
                        affinity.add(labels, t.topologyKey(), 1);
                    }
                }
                for (AffinityTerm t : antiAffinityTerms) {
                    if (t.matches(p, null)) {
                        anti.add(labels, t.topologyKey(), 1);
                    }
                }
            }
        }
        return new TopologyCounts[] {affinity, anti};
    }

    /** True iff the pod matches every term; false for no terms. */
    static boolean podMatchesAllAffinityTerms(List<AffinityTerm> terms, Pod pod) {
        if (terms.isEmpty()) {
            return false;
        }
        for (AffinityTerm t : terms) {
            if (!t.matches(pod, null)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        PreFilterState s = state.read(PRE_FILTER_STATE_KEY, PreFilterState.class);
        if (s == null) {
            return new Status(Status.Code.ERROR, NAME, List.of("error reading \"" + PRE_FILTER_STATE_KEY + "\" from cycleState: not found"));
        }
        Map<String, String> labels = node.labels();
        if (!satisfyPodAffinity(s, labels)) {
            return Status.unresolvable(NAME, ERR_REASON_AFFINITY_RULES_NOT_MATCH);
        }
        if (!satisfyPodAntiAffinity(s, labels)) {
            return Status.unschedulable(NAME, ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
        }
        if (!s.existingAntiAffinityCounts.isEmpty() && s.existingAntiAffinityCounts.anyPositiveOn(labels)) {
            return Status.unschedulable(NAME, ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
        }
        return Status.SUCCESS;
    }

    private static boolean satisfyPodAntiAffinity(PreFilterState s, Map<String, String> labels) {
        if (s.antiAffinityCounts.isEmpty()) {
            return true;
        }
        for (AffinityTerm t : s.antiAffinityTerms) {
            String v = labels.get(t.topologyKey());
            if (v != null && s.antiAffinityCounts.get(t.topologyKey(), v) > 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean satisfyPodAffinity(PreFilterState s, Map<String, String> labels) {
        boolean podsExist = true;
        for (AffinityTerm t : s.affinityTerms) {
            String v = labels.get(t.topologyKey());
            if (v == null) {
                // Every topology key must be present on the node.
                return false;
            }
            if (s.affinityCounts.get(t.topologyKey(), v) <= 0) {
                podsExist = false;
            }
        }
        if (!podsExist) {
            // The first pod of a group with affinity to itself: allowed when nothing matches anywhere and the pod
            // matches its own terms.
            return s.affinityCounts.isEmpty() && s.matchesOwnAffinity;
        }
        return true;
    }

    // ---------------------------------------------------------------- scoring

    /** What PreScore computed for Score: the summed weights per topology key and value. */
    static final class PreScoreState {
        final Map<String, Map<String, long[]>> topologyScore;

        PreScoreState(Map<String, Map<String, long[]>> topologyScore) {
            this.topologyScore = topologyScore;
        }
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes, List<NodeInfo> allNodes) {
        Affinity affinity = pod.spec().getAffinity();
        boolean hasPreferredAffinity = affinity != null && affinity.getPodAffinity() != null
                && affinity.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution() != null
                && !affinity.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution().isEmpty();
        boolean hasPreferredAntiAffinity = affinity != null && affinity.getPodAntiAffinity() != null
                && affinity.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution() != null
                && !affinity.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution().isEmpty();
        boolean hasConstraints = hasPreferredAffinity || hasPreferredAntiAffinity;
        if (ignorePreferredTermsOfExistingPods && !hasConstraints) {
            return Status.SKIP;
        }
        AffinityTerm.PodTerms terms = pod.affinityTerms();
        if (terms.parseError() != null) {
            return new Status(Status.Code.ERROR, NAME, List.of("failed to parse pod: " + terms.parseError()));
        }
        // No preferences of its own and no pod in the cluster with (anti-)affinity terms: every score would be 0.
        if (allNodes instanceof NodeSnapshot snapshot && snapshot.summary().podsWithAffinity() == 0 && !hasConstraints) {
            return Status.SKIP;
        }
        List<AffinityTerm> preferredAffinity = mergeNamespaces(terms.preferredAffinity());
        List<AffinityTerm> preferredAntiAffinity = mergeNamespaces(terms.preferredAntiAffinity());
        Map<String, String> nsLabels = listers.namespaceLabels(namespaceOf(pod.pod()));

        Map<String, Map<String, long[]>> topologyScore;
        if (index != null) {
            if (state.read(INDEXED_NODES_KEY, List.class) != allNodes) {
                index.refresh(allNodes);
            }
            topologyScore = index.topologyScore(pod.pod(), nsLabels, preferredAffinity, preferredAntiAffinity, hardPodAffinityWeight);
        } else {
            topologyScore = topologyScore(pod.pod(), nsLabels, preferredAffinity, preferredAntiAffinity, hasConstraints, allNodes);
        }
        if (topologyScore.isEmpty()) {
            return Status.SKIP;
        }
        state.write(PRE_SCORE_STATE_KEY, new PreScoreState(topologyScore));
        return Status.SUCCESS;
    }

    /** The per-pod walk of upstream's PreScore: every pod when the incoming pod has preferred terms, else pods with affinity. */
    private Map<String, Map<String, long[]>> topologyScore(Pod incoming, Map<String, String> nsLabels, List<AffinityTerm> preferredAffinity,
                                                           List<AffinityTerm> preferredAntiAffinity, boolean hasConstraints, List<NodeInfo> allNodes) {
        Map<String, Map<String, long[]>> topologyScore = new HashMap<>();
        for (NodeInfo node : allNodes) {
            // Unless the incoming pod has preferred terms, only pods with affinity can contribute.
            if (hasConstraints ? node.podCount() == 0 : node.podsWithAffinity().isEmpty()) {
                continue;
            }
            Iterable<PodInfo> podsToProcess = hasConstraints ? node.pods() : node.podsWithAffinity();
            Map<String, String> labels = node.labels();
            if (labels.isEmpty()) {
                continue;
            }
            for (PodInfo existing : podsToProcess) {
                Pod p = existing.pod();
                for (AffinityTerm t : preferredAffinity) {
                    processTerm(topologyScore, t, t.weight(), p, null, labels, 1);
                }
                for (AffinityTerm t : preferredAntiAffinity) {
                    processTerm(topologyScore, t, t.weight(), p, null, labels, -1);
                }
                AffinityTerm.PodTerms et = existing.affinityTerms();
                if (hardPodAffinityWeight > 0) {
                    for (AffinityTerm t : et.requiredAffinity()) {
                        processTerm(topologyScore, t, hardPodAffinityWeight, incoming, nsLabels, labels, 1);
                    }
                }
                for (AffinityTerm t : et.preferredAffinity()) {
                    processTerm(topologyScore, t, t.weight(), incoming, nsLabels, labels, 1);
                }
                for (AffinityTerm t : et.preferredAntiAffinity()) {
                    processTerm(topologyScore, t, t.weight(), incoming, nsLabels, labels, -1);
                }
            }
        }
        return topologyScore;
    }

    private static void processTerm(Map<String, Map<String, long[]>> topologyScore, AffinityTerm term, int weight, Pod pod,
                                    Map<String, String> nsLabels, Map<String, String> nodeLabels, int multiplier) {
        if (term.matches(pod, nsLabels)) {
            String v = nodeLabels.get(term.topologyKey());
            if (v != null) {
                topologyScore.computeIfAbsent(term.topologyKey(), k -> new HashMap<>())
                        .computeIfAbsent(v, k -> new long[1])[0] += (long) weight * multiplier;
            }
        }
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        PreScoreState s = state.read(PRE_SCORE_STATE_KEY, PreScoreState.class);
        if (s == null) {
            return 0;
        }
        Map<String, String> labels = node.labels();
        long score = 0;
        for (Map.Entry<String, Map<String, long[]>> e : s.topologyScore.entrySet()) {
            String v = labels.get(e.getKey());
            if (v != null) {
                long[] c = e.getValue().get(v);
                if (c != null) {
                    score += c[0];
                }
            }
        }
        return score;
    }

    /** Maps min..max of the raw scores onto 0..100 (all 0 when they are equal), as NormalizeScore does. */
    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        PreScoreState s = state.read(PRE_SCORE_STATE_KEY, PreScoreState.class);
        if (s == null || s.topologyScore.isEmpty()) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long v : scores) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        long diff = max - min;
        for (int i = 0; i < scores.length; i++) {
            double f = 0;
            if (diff > 0) {
                f = (double) MAX_NODE_SCORE * ((double) (scores[i] - min) / (double) diff);
            }
            scores[i] = (long) f;
        }
    }

    // ---------------------------------------------------------------- namespaces

    /**
     * mergeAffinityTermNamespacesIfNotEmpty for each term: a namespaceSelector that is not empty is replaced by
     * the names of the namespaces it selects now; an empty one keeps selecting every namespace. Copies only
     * the terms that change; the pod's cached terms are left alone.
     */
    private List<AffinityTerm> mergeNamespaces(List<AffinityTerm> terms) {
        List<AffinityTerm> out = null;
        for (int i = 0; i < terms.size(); i++) {
            AffinityTerm t = terms.get(i);
            if (t.namespaceSelector().isEmpty() || t.namespaceSelector().isNothing()) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(terms);
            }
            List<String> selected = new ArrayList<>();
            for (String ns : listers.namespaces()) {
                if (t.namespaceSelector().matches(listers.namespaceLabels(ns))) {
                    selected.add(ns);
                }
            }
            out.set(i, t.withNamespacesMerged(selected));
        }
        return out == null ? terms : out;
    }

    private static String namespaceOf(Pod pod) {
        String ns = pod.getMetadata() == null ? null : pod.getMetadata().getNamespace();
        return ns == null ? "" : ns;
    }
}
