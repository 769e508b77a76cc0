package dev.sandtable.scheduler.plugins.nodeaffinity;

import dev.sandtable.api.NodeSelectors;
import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.FilterPlugin;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.PreFilterPlugin;
import dev.sandtable.scheduler.framework.PreScorePlugin;
import dev.sandtable.scheduler.framework.ScorePlugin;
import dev.sandtable.scheduler.framework.Status;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mirrors kube-scheduler v1.31 plugins/nodeaffinity: nodeSelector plus required node affinity as a filter,
 * the summed weights of matching preferred terms as a score.
 */
public final class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    public static final String NAME = "NodeAffinity";
    public static final String ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
    /** PreFilter's reason when every required term pins metadata.name to a set that the term's own requirements empty. */
    public static final String ERR_REASON_CONFLICT = "pod affinity terms conflict";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Skips Filter for a pod with neither nodeSelector nor required node affinity; rejects a pod whose required
     * terms each name conflicting nodes (metadata.name In sets with an empty intersection).
     */
    @Override
    public Status preFilter(CycleState state, PodInfo pod, List<NodeInfo> allNodes) {
        PodSpec spec = pod.spec();
        NodeSelector required = NodeSelectors.requiredAffinity(spec);
        if (required == null && (spec.getNodeSelector() == null || spec.getNodeSelector().isEmpty())) {
            return Status.SKIP;
        }
        Optional<Set<String>> names = preFilterNodeNames(spec);
        if (names.isPresent() && names.get().isEmpty()) {
            return Status.unresolvable(NAME, ERR_REASON_CONFLICT);
        }
        names.ifPresent(n -> state.restrictToNodes(NAME, n));
        return Status.SUCCESS;
    }

    /**
     * The nodes the upstream PreFilterResult narrows scheduling to: the union over required terms of the
     * intersection of each term's metadata.name In values; empty when any term has no such requirement (all nodes).
     */
    public static Optional<Set<String>> preFilterNodeNames(PodSpec spec) {
        NodeSelector required = NodeSelectors.requiredAffinity(spec);
        if (required == null || required.getNodeSelectorTerms() == null || required.getNodeSelectorTerms().isEmpty()) {
            return Optional.empty();
        }
        Set<String> union = new TreeSet<>();
        for (NodeSelectorTerm t : required.getNodeSelectorTerms()) {
            Set<String> termNames = null;
            if (t.getMatchFields() != null) {
                for (NodeSelectorRequirement r : t.getMatchFields()) {
                    if (NodeSelectors.OBJECT_NAME_FIELD.equals(r.getKey()) && "In".equals(r.getOperator())) {
                        Set<String> values = new HashSet<>(r.getValues() == null ? List.of() : r.getValues());
                        if (termNames == null) {
                            termNames = values;
                        } else {
                            termNames.retainAll(values);
                        }
                    }
                }
            }
            if (termNames == null) {
                return Optional.empty();
            }
            union.addAll(termNames);
        }
        return Optional.of(union);
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        return pod.nodeAffinity().matches(node.name(), node.labels()) ? Status.SUCCESS : Status.unresolvable(NAME, ERR_REASON_POD);
    }

    /** Skips Score for a pod with no preferred node affinity terms, as upstream PreScore does. */
    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes, List<NodeInfo> allNodes) {
        return preferred(pod.spec()).isEmpty() ? Status.SKIP : Status.SUCCESS;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        long total = 0;
        for (PreferredSchedulingTerm t : preferred(pod.spec())) {
            if (NodeSelectors.termMatches(t.getPreference(), node.name(), node.labels())) {
                total += t.getWeight();
            }
        }
        return total;
    }

    // Terms with weight 0 or no requirements are dropped, as NewPreferredSchedulingTerms does. Upstream fails
    // PreScore for a term that does not parse; here such a term simply never matches.
    private static List<PreferredSchedulingTerm> preferred(PodSpec spec) {
        if (spec.getAffinity() == null || spec.getAffinity().getNodeAffinity() == null
                || spec.getAffinity().getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution() == null) {
            return List.of();
        }
        return spec.getAffinity().getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution().stream()
                .filter(t -> t.getWeight() != null && t.getWeight() != 0 && t.getPreference() != null
                        && !NodeSelectors.isEmpty(t.getPreference()))
                .toList();
    }

    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        ScorePlugin.defaultNormalize(scores, false);
    }
}
