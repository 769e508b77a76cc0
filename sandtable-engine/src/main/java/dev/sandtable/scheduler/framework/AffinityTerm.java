package dev.sandtable.scheduler.framework;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A pod (anti-)affinity term processed once per pod, as framework.AffinityTerm / WeightedAffinityTerm
 * (kube-scheduler v1.31 types.go): the namespaces it names (the pod's own when it names none and has no
 * namespaceSelector), the compiled label selector, the topology key, the compiled namespaceSelector, and the
 * weight for preferred terms (0 for required ones).
 */
public final class AffinityTerm {
    private final Set<String> namespaces;
    private final ParsedSelector selector;
    private final String topologyKey;
    private final ParsedSelector namespaceSelector;
    private final int weight;
    private final int hash;

    public AffinityTerm(Set<String> namespaces, ParsedSelector selector, String topologyKey, ParsedSelector namespaceSelector, int weight) {
        this.namespaces = namespaces;
        this.selector = selector;
        this.topologyKey = topologyKey == null ? "" : topologyKey;
        this.namespaceSelector = namespaceSelector;
        this.weight = weight;
        this.hash = Objects.hash(namespaces, selector, this.topologyKey, namespaceSelector, weight);
    }

    public Set<String> namespaces() {
        return namespaces;
    }

    public ParsedSelector selector() {
        return selector;
    }

    public String topologyKey() {
        return topologyKey;
    }

    public ParsedSelector namespaceSelector() {
        return namespaceSelector;
    }

    public int weight() {
        return weight;
    }

    /**
     * AffinityTerm.Matches: the pod is in one of the term's namespaces or its namespace's labels match the
     * namespaceSelector, and its labels match the selector.
     */
    public boolean matches(Pod pod, Map<String, String> nsLabels) {
        if (namespaces.contains(namespaceOf(pod)) || namespaceSelector.matches(nsLabels)) {
            return selector.matches(pod.getMetadata().getLabels());
        }
        return false;
    }

    /** The same test for a pod given by its namespace and labels. */
    public boolean matches(String namespace, Map<String, String> labels, Map<String, String> nsLabels) {
        if (namespaces.contains(namespace) || namespaceSelector.matches(nsLabels)) {
            return selector.matches(labels);
        }
        return false;
    }

    /** Terms are equal when they select the same pods in the same topology with the same weight. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof AffinityTerm t && hash == t.hash && weight == t.weight && topologyKey.equals(t.topologyKey)
                && namespaces.equals(t.namespaces) && selector.equals(t.selector) && namespaceSelector.equals(t.namespaceSelector);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** A copy whose namespaces include the given ones and whose namespaceSelector matches nothing. */
    public AffinityTerm withNamespacesMerged(Collection<String> more) {
        Set<String> merged = new HashSet<>(namespaces);
        merged.addAll(more);
        return new AffinityTerm(merged, selector, topologyKey, ParsedSelector.NOTHING, weight);
    }

    static String namespaceOf(Pod pod) {
        String ns = pod.getMetadata() == null ? null : pod.getMetadata().getNamespace();
        return ns == null ? "" : ns;
    }

    /** The four term lists of a pod and the parse error text (null when every term parsed), as framework.NewPodInfo. */
    public record PodTerms(List<AffinityTerm> requiredAffinity, List<AffinityTerm> requiredAntiAffinity,
                           List<AffinityTerm> preferredAffinity, List<AffinityTerm> preferredAntiAffinity, String parseError) {
        static final PodTerms NONE = new PodTerms(List.of(), List.of(), List.of(), List.of(), null);

        /**
         * Parses a pod's terms. A list whose terms fail to parse is left empty and its error recorded,
         * as NewPodInfo does; the errors are aggregated as utilerrors.NewAggregate formats them.
         */
        public static PodTerms of(Pod pod) {
            Affinity a = pod.getSpec() == null ? null : pod.getSpec().getAffinity();
            if (a == null || (a.getPodAffinity() == null && a.getPodAntiAffinity() == null)) {
                return NONE;
            }
            List<String> errs = new ArrayList<>();
            List<PodAffinityTerm> reqA = a.getPodAffinity() == null ? null : a.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
            List<PodAffinityTerm> reqAA = a.getPodAntiAffinity() == null ? null : a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
            List<WeightedPodAffinityTerm> prefA = a.getPodAffinity() == null ? null : a.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution();
            List<WeightedPodAffinityTerm> prefAA = a.getPodAntiAffinity() == null ? null : a.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution();
            List<AffinityTerm> ra = required(pod, reqA, "requiredAffinityTerms", errs);
            List<AffinityTerm> raa = required(pod, reqAA, "requiredAntiAffinityTerms", errs);
            List<AffinityTerm> pa = preferred(pod, prefA, "preferredAffinityTerms", errs);
            List<AffinityTerm> paa = preferred(pod, prefAA, "preferredAntiAffinityTerms", errs);
            String error = errs.isEmpty() ? null : errs.size() == 1 ? errs.get(0) : "[" + String.join(", ", errs) + "]";
            return new PodTerms(ra, raa, pa, paa, error);
        }

        private static List<AffinityTerm> required(Pod pod, List<PodAffinityTerm> terms, String what, List<String> errs) {
            if (terms == null || terms.isEmpty()) {
                return List.of();
            }
            List<AffinityTerm> out = new ArrayList<>(terms.size());
            try {
                for (PodAffinityTerm t : terms) {
                    out.add(term(pod, t, 0));
                }
            } catch (ParsedSelector.InvalidSelectorException e) {
                errs.add(what + ": " + e.getMessage());
                return List.of();
            }
            return List.copyOf(out);
        }

        private static List<AffinityTerm> preferred(Pod pod, List<WeightedPodAffinityTerm> terms, String what, List<String> errs) {
            if (terms == null || terms.isEmpty()) {
                return List.of();
            }
            List<AffinityTerm> out = new ArrayList<>(terms.size());
            try {
                for (WeightedPodAffinityTerm t : terms) {
                    PodAffinityTerm pt = t.getPodAffinityTerm() == null ? new PodAffinityTerm() : t.getPodAffinityTerm();
                    out.add(term(pod, pt, t.getWeight() == null ? 0 : t.getWeight()));
                }
            } catch (ParsedSelector.InvalidSelectorException e) {
                errs.add(what + ": " + e.getMessage());
                return List.of();
            }
            return List.copyOf(out);
        }

        private static AffinityTerm term(Pod pod, PodAffinityTerm t, int weight) throws ParsedSelector.InvalidSelectorException {
            ParsedSelector selector = ParsedSelector.parse(t.getLabelSelector());
            Set<String> namespaces = new HashSet<>();
            List<String> named = t.getNamespaces();
            if ((named == null || named.isEmpty()) && t.getNamespaceSelector() == null) {
                namespaces.add(namespaceOf(pod));
            } else if (named != null) {
                namespaces.addAll(named);
            }
            ParsedSelector nsSelector = ParsedSelector.parse(t.getNamespaceSelector());
            return new AffinityTerm(Set.copyOf(namespaces), selector, t.getTopologyKey(), nsSelector, weight);
        }
    }
}
