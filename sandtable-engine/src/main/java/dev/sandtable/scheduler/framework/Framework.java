package dev.sandtable.scheduler.framework;

import dev.sandtable.sim.SeededRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scheduling cycle (kube-scheduler v1.31 schedule_one.go): PreFilter, then Filter over nodes starting
 * where the last cycle stopped until enough feasible nodes are found, PreScore, Score and NormalizeScore,
 * and the best node picked with random tie-breaking.
 */
public final class Framework {
    static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
    static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

    private final Profile profile;
    private final SeededRandom random;
    private final Parallelizer parallelizer;
    private final Parallelizer.Tuning filterTuning = new Parallelizer.Tuning();
    private final Parallelizer.Tuning scoreTuning = new Parallelizer.Tuning();
    // Filter verdicts by position in the walk, reused across cycles (schedule is not re-entered).
    private Status[] verdicts = new Status[0];
    private final Map<Integer, RuntimeException> crashes = new ConcurrentHashMap<>();
    private long[][] scoreBuffers = new long[0][];
    private final List<PreFilterPlugin> preFilters = new ArrayList<>();
    private final List<PreScorePlugin> preScores = new ArrayList<>();
    private int nextStartNodeIndex;
    private NominatedPods nominatedPods = node -> List.of();

    /** Pods that preempted and wait for their nominated node, by node name (the scheduling queue's nominator). */
    @FunctionalInterface
    public interface NominatedPods {
        List<PodInfo> on(String nodeName);

        /** Whether any pod is nominated anywhere: lets the common case skip a lookup per node. */
        default boolean any() {
            return true;
        }
    }

    public void setNominatedPods(NominatedPods nominatedPods) {
        this.nominatedPods = nominatedPods;
    }

    public Framework(Profile profile, SeededRandom random) {
        this(profile, random, Parallelizer.shared());
    }

    public Framework(Profile profile, SeededRandom random, Parallelizer parallelizer) {
        this.profile = profile;
        this.random = random;
        this.parallelizer = parallelizer;
        for (FilterPlugin f : profile.filters()) {
            if (f instanceof PreFilterPlugin pf) {
                preFilters.add(pf);
            }
        }
        for (Profile.WeightedScore ws : profile.scores()) {
            if (ws.plugin() instanceof PreScorePlugin ps) {
                preScores.add(ps);
            }
        }
    }

    public Profile profile() {
        return profile;
    }

    public ScheduleResult schedule(PodInfo pod, List<NodeInfo> nodes) {
        return schedule(pod, nodes, false);
    }

    /** With explain, every node is filtered and every feasible node scored, so each verdict can be shown. */
    public ScheduleResult schedule(PodInfo pod, List<NodeInfo> nodes, boolean explain) {
        int all = nodes.size();
        Map<String, Status> filtered = new LinkedHashMap<>();
        if (all == 0) {
            return ScheduleResult.failed(pod.key(), 0, filtered, null);
        }
        CycleState state = new CycleState(profile.filters().size(), profile.scores().size());
        Status preFilter = runPreFilters(state, pod, nodes);
        if (!preFilter.isSuccess()) {
            return ScheduleResult.failed(pod.key(), all, filtered, preFilter);
        }
        List<NodeInfo> candidates = nodes;
        if (state.nodeNames() != null) {
            candidates = new ArrayList<>(state.nodeNames().size());
            for (NodeInfo n : nodes) {
                if (state.nodeNames().contains(n.name())) {
                    candidates.add(n);
                }
            }
        }
        int count = candidates.size();
        if (count == 0) {
            Status outside = state.outsidePreFilterResult();
            nodes.forEach(n -> filtered.put(n.name(), outside));
            return ScheduleResult.failed(pod.key(), all, filtered, null);
        }
        int toFind = explain ? count : numFeasibleNodesToFind(profile.percentageOfNodesToScore(), count);
        List<NodeInfo> feasible = new ArrayList<>(Math.min(toFind, count));
        // Upstream walks a narrowed list from the same rotating index, taken modulo its length.
        int start = explain ? 0 : nextStartNodeIndex % count;
        Status[] verdict = filterInParallel(state, pod, candidates, start, toFind);
        int processed = 0;
        for (int i = 0; i < count && feasible.size() < toFind; i++) {
            NodeInfo node = candidates.get((start + i) % count);
            processed++;
            if (verdict[i] == null) {
                throw crashes.get(i);
            }
            if (verdict[i].isSuccess()) {
                feasible.add(node);
            } else {
                filtered.put(node.name(), verdict[i]);
            }
        }
        if (!explain) {
            nextStartNodeIndex = (nextStartNodeIndex + processed) % all;
        }
        if (feasible.isEmpty()) {
            if (candidates != nodes) {
                Status outside = state.outsidePreFilterResult();
                for (NodeInfo n : nodes) {
                    filtered.putIfAbsent(n.name(), outside);
                }
            }
            return ScheduleResult.failed(pod.key(), all, filtered, null);
        }
        if (feasible.size() == 1 && !explain) {
            return new ScheduleResult(pod.key(), feasible.get(0).name(), all, filtered, List.of(), null);
        }
        if (explain) {
            List<ScheduleResult.NodeScore> scores = score(state, pod, feasible, nodes, true);
            long[] totals = new long[scores.size()];
            for (int i = 0; i < totals.length; i++) {
                totals[i] = scores.get(i).total();
            }
            return new ScheduleResult(pod.key(), feasible.get(selectHost(totals)).name(), all, filtered, scores, null);
        }
        long[] totals = scoreTotals(state, pod, feasible, nodes, null);
        return new ScheduleResult(pod.key(), feasible.get(selectHost(totals)).name(), all, filtered, List.of(), null);
    }

    /**
     * Runs the filters on the nodes in walk order until toFind of them pass, in chunks on the parallelizer's threads
     * (upstream's findNodesThatPassFilters). Every verdict up to the toFind-th feasible node is set, as a single
     * thread walking in order would have set it; chunks past it may have run too, and are ignored.
     */
    private Status[] filterInParallel(CycleState state, PodInfo pod, List<NodeInfo> candidates, int start, int toFind) {
        int count = candidates.size();
        if (verdicts.length < count) {
            verdicts = new Status[count];
        }
        Status[] verdict = verdicts;
        if (!crashes.isEmpty()) {
            crashes.clear();
        }
        AtomicInteger found = new AtomicInteger();
        parallelizer.until(count, filterTuning, (from, to, alone) -> {
            int feasible = 0;
            for (int i = from; i < to; i++) {
                Status s;
                try {
                    s = runFilters(state, pod, candidates.get((start + i) % count));
                } catch (RuntimeException e) {
                    if (alone) {
                        throw e;
                    }
                    // A helper may run past the node where one thread would have stopped: the in-order scan rethrows
                    // this only if it gets here, so a failing plugin fails the same cycles either way.
                    crashes.put(i, e);
                    verdict[i] = null;
                    continue;
                }
                verdict[i] = s;
                if (s.isSuccess() && ++feasible == toFind && alone) {
                    // One thread walking in order stops at the toFind-th feasible node, as upstream's walk does.
                    return false;
                }
            }
            return found.addAndGet(feasible) < toFind;
        });
        return verdict;
    }

    /**
     * Explains a scheduling decision without changing the framework's state (start index, random draws):
     * every filter plugin is run on every node, and every feasible node is scored.
     */
    public Explanation explain(PodInfo pod, List<NodeInfo> nodes, ScheduleResult decision) {
        CycleState state = new CycleState(profile.filters().size(), profile.scores().size());
        Explanation.PluginVerdict preFilterVerdict = null;
        Status preFilter = runPreFilters(state, pod, nodes);
        if (!preFilter.isSuccess()) {
            preFilterVerdict = new Explanation.PluginVerdict(preFilter.plugin(), Explanation.code(preFilter.code()), preFilter.reasons());
        }
        List<Explanation.NodeVerdict> verdicts = new ArrayList<>(nodes.size());
        List<NodeInfo> feasible = new ArrayList<>();
        List<List<Explanation.PluginVerdict>> perNode = new ArrayList<>();
        for (NodeInfo node : nodes) {
            List<Explanation.PluginVerdict> filters = new ArrayList<>();
            boolean ok = preFilterVerdict == null;
            for (int fi = 0; fi < profile.filters().size(); fi++) {
                FilterPlugin f = profile.filters().get(fi);
                if (preFilterVerdict != null || state.filterSkipped(fi)) {
                    filters.add(new Explanation.PluginVerdict(f.name(), "Skip", List.of()));
                    continue;
                }
                Status s = f.filter(state, pod, node);
                filters.add(new Explanation.PluginVerdict(f.name(), Explanation.code(s.code()), s.reasons()));
                ok &= s.isSuccess();
            }
            perNode.add(filters);
            if (ok) {
                feasible.add(node);
            }
        }
        Map<String, ScheduleResult.NodeScore> scores = new LinkedHashMap<>();
        if (!feasible.isEmpty()) {
            for (ScheduleResult.NodeScore ns : score(state, pod, feasible, nodes, true)) {
                scores.put(ns.node(), ns);
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            ScheduleResult.NodeScore ns = scores.get(nodes.get(i).name());
            verdicts.add(new Explanation.NodeVerdict(nodes.get(i).name(), perNode.get(i), ns != null,
                    ns == null ? Map.of() : ns.byPlugin(), ns == null ? 0 : ns.total()));
        }
        return new Explanation(pod.key(), nodes.size(), preFilterVerdict, verdicts, decision.node(), decision.message());
    }

    /**
     * Whether the pod passes PreFilter and Filter on one node of a (possibly modified) snapshot: what preemption's
     * dry runs and the nominated-node fast path ask.
     */
    public Status evaluate(PodInfo pod, List<NodeInfo> nodes, NodeInfo node) {
        CycleState state = new CycleState(profile.filters().size(), profile.scores().size());
        Status preFilter = runPreFilters(state, pod, nodes);
        return preFilter.isSuccess() ? runFilters(state, pod, node) : preFilter;
    }

    /**
     * PreFilter once for a pod whose Filter verdicts are then asked node by node, as the cluster autoscaler's
     * predicate checker does; the returned state is what runFilters takes.
     */
    public CycleState preFilter(PodInfo pod, List<NodeInfo> nodes, Status[] outcome) {
        CycleState state = new CycleState(profile.filters().size(), profile.scores().size());
        outcome[0] = runPreFilters(state, pod, nodes);
        return state;
    }

    /**
     * RunPostFilterPlugins: the first plugin that nominates a node ends the run; otherwise every plugin's reason is kept,
     * joined as a Status message joins its reasons.
     */
    public PostFilterResult runPostFilters(PodInfo pod, List<NodeInfo> nodes, ScheduleResult failed) {
        List<String> reasons = new ArrayList<>();
        for (PostFilterPlugin p : profile.postFilters()) {
            PostFilterResult r = p.postFilter(this, pod, nodes, failed.filtered(), failed.preFilterStatus());
            if (r.nominated()) {
                return r;
            }
            if (!r.message().isEmpty()) {
                reasons.add(r.message());
            }
        }
        return PostFilterResult.unschedulable(String.join(", ", reasons));
    }

    /** RunPreFilterPlugins: records which filters skip, and stops at the first plugin that rejects the pod. */
    private Status runPreFilters(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
        for (PreFilterPlugin pf : preFilters) {
            Status s = pf.preFilter(state, pod, nodes);
            if (s.code() == Status.Code.SKIP) {
                state.skipFilter(profile.filters().indexOf(pf));
            } else if (!s.isSuccess()) {
                return s.plugin().isEmpty() ? new Status(s.code(), pf.name(), s.reasons()) : s;
            }
        }
        return Status.SUCCESS;
    }

    /**
     * RunFilterPluginsWithNominatedPods: where pods of equal or higher priority are nominated to the node, the pod
     * must fit with them counted as running there, and also without them.
     */
    public Status runFilters(CycleState state, PodInfo pod, NodeInfo node) {
        List<PodInfo> nominated = nominatedPods.any() ? nominatedPods.on(node.name()) : List.of();
        if (!nominated.isEmpty()) {
            NodeInfo withNominated = null;
            for (PodInfo n : nominated) {
                if (n.priority() >= pod.priority() && !n.key().equals(pod.key())) {
                    if (withNominated == null) {
                        withNominated = node.without(Set.of());
                    }
                    withNominated.addPod(n.pod().getMetadata().getUid(), n);
                }
            }
            if (withNominated != null) {
                Status s = runFilterPlugins(state, pod, withNominated);
                if (!s.isSuccess()) {
                    return s;
                }
            }
        }
        return runFilterPlugins(state, pod, node);
    }

    /** Runs the filters in order and stops at the first that rejects, as RunFilterPlugins does. */
    private Status runFilterPlugins(CycleState state, PodInfo pod, NodeInfo node) {
        List<FilterPlugin> filters = profile.filters();
        for (int i = 0, n = filters.size(); i < n; i++) {
            if (state.filterSkipped(i)) {
                continue;
            }
            Status s = filters.get(i).filter(state, pod, node);
            if (s != Status.SUCCESS && !s.isSuccess()) {
                return s;
            }
        }
        return Status.SUCCESS;
    }

    /** Scores feasible nodes; the per-plugin breakdown is kept only when asked, as it costs a map per node. */
    private List<ScheduleResult.NodeScore> score(CycleState state, PodInfo pod, List<NodeInfo> feasible, List<NodeInfo> all,
                                                 boolean breakdown) {
        int n = feasible.size();
        List<Map<String, ScheduleResult.PluginScore>> byPlugin = breakdown ? new ArrayList<>(n) : null;
        if (breakdown) {
            for (int i = 0; i < n; i++) {
                byPlugin.add(new LinkedHashMap<>());
            }
        }
        long[] totals = scoreTotals(state, pod, feasible, all, byPlugin);
        List<ScheduleResult.NodeScore> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ScheduleResult.NodeScore(feasible.get(i).name(), totals[i], breakdown ? byPlugin.get(i) : Map.of()));
        }
        return out;
    }

    /** PreScore, Score, NormalizeScore and weighting; per-plugin scores go to byPlugin when it is given. */
    private long[] scoreTotals(CycleState state, PodInfo pod, List<NodeInfo> feasible, List<NodeInfo> all,
                               List<Map<String, ScheduleResult.PluginScore>> byPlugin) {
        boolean breakdown = byPlugin != null;
        List<Profile.WeightedScore> plugins = profile.scores();
        for (PreScorePlugin ps : preScores) {
            Status s = ps.preScore(state, pod, feasible, all);
            if (s.code() == Status.Code.SKIP) {
                for (int i = 0; i < plugins.size(); i++) {
                    if (plugins.get(i).plugin() == ps) {
                        state.skipScore(i);
                    }
                }
            }
        }
        int n = feasible.size();
        long[][] scores = new long[plugins.size()][];
        for (int p = 0; p < plugins.size(); p++) {
            if (!state.scoreSkipped(p)) {
                scores[p] = scoreBuffer(p, n);
            }
        }
        // Each node's scores from every plugin, nodes split across threads as upstream's RunScorePlugins does.
        parallelizer.until(n, scoreTuning, (from, to, alone) -> {
            for (int p = 0; p < scores.length; p++) {
                if (scores[p] == null) {
                    continue;
                }
                ScorePlugin plugin = plugins.get(p).plugin();
                long[] out = scores[p];
                for (int i = from; i < to; i++) {
                    out[i] = plugin.score(state, pod, feasible.get(i));
                }
            }
            return true;
        });
        long[] totals = new long[n];
        for (int p = 0; p < plugins.size(); p++) {
            if (scores[p] == null) {
                continue;
            }
            Profile.WeightedScore ws = plugins.get(p);
            long[] normalized = scores[p];
            long[] raw = breakdown ? normalized.clone() : null;
            ws.plugin().normalize(state, pod, feasible, normalized);
            for (int i = 0; i < n; i++) {
                long weighted = normalized[i] * ws.weight();
                totals[i] += weighted;
                if (breakdown) {
                    byPlugin.get(i).put(ws.plugin().name(), new ScheduleResult.PluginScore(raw[i], normalized[i], weighted));
                }
            }
        }
        return totals;
    }

    /** Plugin p's score array for n nodes, reused while n stays the same (it usually does: n is numFeasibleNodesToFind). */
    private long[] scoreBuffer(int plugin, int n) {
        if (scoreBuffers.length <= plugin) {
            scoreBuffers = Arrays.copyOf(scoreBuffers, profile.scores().size());
        }
        long[] b = scoreBuffers[plugin];
        if (b == null || b.length != n) {
            b = new long[n];
            scoreBuffers[plugin] = b;
        }
        return b;
    }

    /** Reservoir sampling among the top scores, as selectHost does, drawing from the seeded generator; returns the index. */
    private int selectHost(long[] totals) {
        int selected = 0;
        int count = 1;
        for (int i = 1; i < totals.length; i++) {
            if (totals[i] > totals[selected]) {
                selected = i;
                count = 1;
            } else if (totals[i] == totals[selected]) {
                count++;
                if (random.nextInt(count) == 0) {
                    selected = i;
                }
            }
        }
        return selected;
    }

    /** How many feasible nodes are enough: all below 100 nodes, else an adaptive percentage with a floor of 100. */
    public static int numFeasibleNodesToFind(int percentageOfNodesToScore, int numAllNodes) {
        if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) {
            return numAllNodes;
        }
        int percentage = percentageOfNodesToScore;
        if (percentage == 0) {
            percentage = 50 - numAllNodes / 125;
            if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) {
                percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
            }
        }
        if (percentage >= 100) {
            return numAllNodes;
        }
        int numNodes = numAllNodes * percentage / 100;
        return Math.max(numNodes, MIN_FEASIBLE_NODES_TO_FIND);
    }
}
