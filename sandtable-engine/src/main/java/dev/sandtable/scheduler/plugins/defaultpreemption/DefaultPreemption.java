package dev.sandtable.scheduler.plugins.defaultpreemption;

import dev.sandtable.api.LabelSelectors;
import dev.sandtable.scheduler.framework.Framework;
import dev.sandtable.scheduler.framework.Listers;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.PostFilterPlugin;
import dev.sandtable.scheduler.framework.PostFilterResult;
import dev.sandtable.scheduler.framework.Status;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Mirrors kube-scheduler v1.31 plugins/defaultpreemption (PostFilter): on nodes where removing lower-priority
 * pods could help, find the fewest, least important victims (PDB-protected pods reprieved first), pick the
 * node with the fewest PDB violations, then lowest victim priorities, then fewest victims, and nominate it.
 */
public final class DefaultPreemption implements PostFilterPlugin {
    public static final String NAME = "DefaultPreemption";
    public static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";
    public static final String NO_VICTIMS = "No preemption victims found for incoming pod";
    static final String NOT_ELIGIBLE = "not eligible due to preemptionPolicy=Never.";

    private final Listers listers;

    public DefaultPreemption(Listers listers) {
        this.listers = listers;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** What dry-running preemption on one node gives: a candidate, or the reasons the node cannot be one. */
    sealed interface DryRun permits Candidate, NotACandidate {
    }

    record Candidate(NodeInfo node, List<PodInfo> victims, int pdbViolations) implements DryRun {
    }

    /** The node's status reasons, counted in the preemption message as upstream counts the dry run's statuses. */
    record NotACandidate(List<String> reasons) implements DryRun {
    }

    @Override
    public PostFilterResult postFilter(Framework framework, PodInfo pod, List<NodeInfo> nodes, Map<String, Status> filtered, Status preFilter) {
        if ("Never".equals(pod.spec().getPreemptionPolicy())) {
            return PostFilterResult.unschedulable("preemption: " + NOT_ELIGIBLE);
        }
        Map<String, Integer> histogram = new TreeMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeInfo node = nodes.get(i);
            Status s = preFilter != null ? preFilter : filtered.get(node.name());
            if (s == null || s.code() == Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE) {
                histogram.merge(NOT_HELPFUL, 1, Integer::sum);
                continue;
            }
            switch (selectVictims(framework, pod, nodes, i)) {
                case Candidate c -> candidates.add(c);
                case NotACandidate n -> n.reasons().forEach(r -> histogram.merge(r, 1, Integer::sum));
            }
        }
        if (candidates.isEmpty()) {
            List<String> parts = new ArrayList<>();
            histogram.forEach((reason, count) -> parts.add(count + " " + reason));
            parts.sort(null);
            return PostFilterResult.unschedulable("preemption: 0/" + nodes.size() + " nodes are available: " + String.join(", ", parts) + ".");
        }
        Candidate best = candidates.stream().min(CANDIDATE_ORDER).orElseThrow();
        return new PostFilterResult(best.node().name(), best.victims().stream().map(PodInfo::pod).toList(), "");
    }

    /** selectVictimsOnNode: remove every lower-priority pod, check the pod fits, then reprieve as many as possible. */
    private DryRun selectVictims(Framework framework, PodInfo pod, List<NodeInfo> nodes, int index) {
        NodeInfo node = nodes.get(index);
        List<PodInfo> lower = null;
        Map<PodInfo, String> uidOf = null;
        for (PodInfo p : node.pods()) {
            if (p.priority() < pod.priority()) {
                if (lower == null) {
                    lower = new ArrayList<>();
                    uidOf = new HashMap<>();
                }
                lower.add(p);
                uidOf.put(p, p.pod().getMetadata().getUid());
            }
        }
        // Most nodes in a cluster of equal priorities have no victim at all: nothing is allocated for them.
        if (lower == null) {
            return new NotACandidate(List.of(NO_VICTIMS));
        }
        Set<String> removed = new HashSet<>(uidOf.values());
        Status withoutAll = evaluate(framework, pod, nodes, index, removed);
        if (!withoutAll.isSuccess()) {
            return new NotACandidate(withoutAll.reasons());
        }
        lower.sort(MORE_IMPORTANT_FIRST);
        List<PodInfo> violating = new ArrayList<>();
        List<PodInfo> nonViolating = new ArrayList<>();
        splitByPdb(lower, violating, nonViolating);
        List<PodInfo> victims = new ArrayList<>();
        int violations = 0;
        for (List<PodInfo> group : List.of(violating, nonViolating)) {
            for (PodInfo p : group) {
                removed.remove(uidOf.get(p));
                if (!fits(framework, pod, nodes, index, removed)) {
                    removed.add(uidOf.get(p));
                    victims.add(p);
                    if (group == violating) {
                        violations++;
                    }
                }
            }
        }
        // The reprieve walked the PDB-violating pods first; the node ordering reads victims most important first.
        victims.sort(MORE_IMPORTANT_FIRST);
        return new Candidate(node, victims, violations);
    }

    private static boolean fits(Framework framework, PodInfo pod, List<NodeInfo> nodes, int index, Set<String> removed) {
        return evaluate(framework, pod, nodes, index, removed).isSuccess();
    }

    private static Status evaluate(Framework framework, PodInfo pod, List<NodeInfo> nodes, int index, Set<String> removed) {
        List<NodeInfo> modified = new ArrayList<>(nodes);
        NodeInfo without = nodes.get(index).without(removed);
        modified.set(index, without);
        return framework.evaluate(pod, modified, without);
    }

    /** filterPodsWithPDBViolation: a victim violates a PDB once that budget's allowed disruptions run out. */
    private void splitByPdb(List<PodInfo> pods, List<PodInfo> violating, List<PodInfo> nonViolating) {
        Map<String, Integer> allowed = new HashMap<>();
        for (PodInfo p : pods) {
            String ns = p.pod().getMetadata().getNamespace();
            Map<String, String> labels = p.pod().getMetadata().getLabels();
            boolean violates = false;
            // A pod without labels is matched by no budget here, whatever its selector says.
            for (PodDisruptionBudget pdb : labels == null || labels.isEmpty() ? List.<PodDisruptionBudget>of() : listers.podDisruptionBudgets(ns)) {
                var selector = pdb.getSpec().getSelector();
                if (isEmpty(selector) || !LabelSelectors.matches(selector, labels)) {
                    continue;
                }
                // A pod the API server already counted as disrupted does not use the budget again.
                if (pdb.getStatus() != null && pdb.getStatus().getDisruptedPods() != null
                        && pdb.getStatus().getDisruptedPods().containsKey(p.pod().getMetadata().getName())) {
                    continue;
                }
                String key = ns + "/" + pdb.getMetadata().getName();
                int left = allowed.computeIfAbsent(key, k -> pdb.getStatus() == null || pdb.getStatus().getDisruptionsAllowed() == null
                        ? 0 : pdb.getStatus().getDisruptionsAllowed()) - 1;
                allowed.put(key, left);
                if (left < 0) {
                    violates = true;
                }
            }
            (violates ? violating : nonViolating).add(p);
        }
    }

    /** A nil or empty selector ({} or matchLabels: {}): the preemption skips such a budget, as if it matched nothing. */
    private static boolean isEmpty(io.fabric8.kubernetes.api.model.LabelSelector selector) {
        return selector == null || (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    /** util.MoreImportantPod: higher priority first, then the one that started earlier. */
    static final Comparator<PodInfo> MORE_IMPORTANT_FIRST = Comparator.comparingInt(PodInfo::priority).reversed()
            .thenComparing(DefaultPreemption::startTime);

    /** pickOneNodeForPreemption's criteria, in order; ties fall to the first candidate. */
    static final Comparator<Candidate> CANDIDATE_ORDER = Comparator.comparingInt(Candidate::pdbViolations)
            .thenComparingInt(c -> highestPriority(c.victims()))
            .thenComparingLong(c -> prioritySum(c.victims()))
            .thenComparingInt(c -> c.victims().size())
            .thenComparing(c -> earliestStartOfHighest(c.victims()), Comparator.reverseOrder());

    private static int highestPriority(List<PodInfo> victims) {
        return victims.isEmpty() ? Integer.MIN_VALUE : victims.get(0).priority();
    }

    // Each priority is offset by MaxInt32+1 so negative priorities do not make a sum smaller.
    private static long prioritySum(List<PodInfo> victims) {
        long sum = 0;
        for (PodInfo v : victims) {
            sum += (long) v.priority() + Integer.MAX_VALUE + 1;
        }
        return sum;
    }

    private static String earliestStartOfHighest(List<PodInfo> victims) {
        if (victims.isEmpty()) {
            return "";
        }
        int top = victims.get(0).priority();
        String earliest = null;
        for (PodInfo v : victims) {
            if (v.priority() == top) {
                String t = startTime(v);
                if (earliest == null || t.compareTo(earliest) < 0) {
                    earliest = t;
                }
            }
        }
        return earliest;
    }

    private static String startTime(PodInfo p) {
        Pod pod = p.pod();
        String t = pod.getStatus() == null ? null : pod.getStatus().getStartTime();
        if (t == null) {
            t = pod.getMetadata().getCreationTimestamp();
        }
        return t == null ? "" : t;
    }
}
