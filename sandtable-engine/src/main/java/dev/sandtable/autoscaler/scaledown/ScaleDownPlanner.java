package dev.sandtable.autoscaler.scaledown;

import dev.sandtable.autoscaler.config.AutoscalingOptions;
import dev.sandtable.autoscaler.config.NodeGroupOptions;
import dev.sandtable.autoscaler.simulator.ClusterSnapshot;
import dev.sandtable.autoscaler.simulator.PredicateChecker;
import dev.sandtable.cluster.NodePoolController;
import dev.sandtable.cluster.ResolvedNodePool;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * cluster-autoscaler 1.31's scale-down planner (core/scaledown/planner, unneeded, unremovable): each loop it finds the
 * nodes whose pods could all move elsewhere, remembers since when each has been unneeded, and keeps nodes found
 * unremovable out of the simulation until unremovable-node-recheck-timeout passes.
 */
public final class ScaleDownPlanner {
    private final AutoscalingOptions options;
    private final PredicateChecker checker;
    private final DrainRules rules;
    private final Map<String, Long> unneededSince = new LinkedHashMap<>();
    private final Map<String, Long> unremovableUntil = new HashMap<>();
    private final Map<String, NodeVerdict> verdicts = new LinkedHashMap<>();

    public ScaleDownPlanner(AutoscalingOptions options, PredicateChecker checker, DrainRules rules) {
        this.options = options;
        this.checker = checker;
        this.rules = rules;
    }

    /** A node that may go: whether it holds pods to drain, and those pods (DaemonSet pods included, to evict last). */
    public record Candidate(NodeInfo node, String pool, boolean empty, List<PodInfo> toMove, List<PodInfo> daemonPods) {
    }

    /**
     * UpdateClusterState: simulates the candidates on one fork of the cluster, in order (nodes already unneeded first),
     * so capacity promised to one removal is not promised again.
     */
    public void update(long now, Instant wallNow, ClusterSnapshot snapshot, Map<String, ResolvedNodePool> pools,
                       Function<String, NodeGroupOptions> groupOptions, Set<String> deleting) {
        ClusterSnapshot.Fork fork = snapshot.fork();
        for (String d : deleting) {
            fork.removeNode(d);
        }
        List<NodeInfo> ordered = new ArrayList<>();
        List<NodeInfo> rest = new ArrayList<>();
        for (NodeInfo n : snapshot.nodes()) {
            (unneededSince.containsKey(n.name()) ? ordered : rest).add(n);
        }
        ordered.addAll(rest);
        Map<String, Long> stillUnneeded = new LinkedHashMap<>();
        int nonEmptyFound = 0;
        int simulated = 0;
        int simulationBudget = Math.max(50, snapshot.nodes().size() / 10);
        for (NodeInfo n : ordered) {
            String pool = NodePoolController.poolOf(n.node());
            ResolvedNodePool rp = pool == null ? null : pools.get(pool);
            if (rp == null || !rp.autoscaling()) {
                continue;
            }
            if (deleting.contains(n.name())) {
                verdicts.put(n.name(), new NodeVerdict(n.name(), pool, "kept", UnremovableReason.CURRENTLY_BEING_DELETED.text(), Double.NaN, now));
                continue;
            }
            NodeGroupOptions g = groupOptions.apply(pool);
            Eligibility.Verdict e = Eligibility.check(n, g, options.scaleDownUnreadyEnabled());
            double util = e.utilization() == null ? Double.NaN : e.utilization().utilization();
            if (!e.eligible()) {
                String detail = e.reason() == UnremovableReason.NOT_UNDERUTILIZED
                        ? e.utilization().resource() + " requested is " + percent(util) + " of allocatable, threshold " + percent(g.scaleDownUtilizationThreshold())
                        : e.reason().text();
                verdicts.put(n.name(), new NodeVerdict(n.name(), pool, "kept", detail, util, now));
                continue;
            }
            Long until = unremovableUntil.get(n.name());
            if (until != null && until > now) {
                NodeVerdict last = verdicts.get(n.name());
                verdicts.put(n.name(), new NodeVerdict(n.name(), pool, "kept", last != null ? last.reason() : UnremovableReason.RECENTLY_UNREMOVABLE.text(), util, now));
                continue;
            }
            List<PodInfo> toMove = new ArrayList<>();
            List<PodInfo> daemons = new ArrayList<>();
            String blocked = null;
            for (PodInfo p : n.pods()) {
                Drainability d = rules.drainable(p.pod(), wallNow);
                if (d.blocks()) {
                    blocked = d.detail();
                    break;
                }
                if (d.outcome() == Drainability.Outcome.SKIP) {
                    continue;
                }
                var c = dev.sandtable.api.Pods.controllerOf(p.pod());
                if (c != null && "DaemonSet".equals(c.getKind())) {
                    daemons.add(p);
                } else {
                    toMove.add(unbound(p));
                }
            }
            if (blocked != null) {
                markUnremovable(now, n.name(), pool, UnremovableReason.BLOCKED_BY_POD.text() + ": " + blocked, util);
                continue;
            }
            boolean empty = toMove.isEmpty();
            if (!empty) {
                if (nonEmptyFound >= options.scaleDownNonEmptyCandidatesCount() || simulated >= simulationBudget) {
                    continue;
                }
                simulated++;
            }
            // Try the move on the fork without this node; keep the placements only when every pod found a place.
            ClusterSnapshot.Fork trial = fork.copy();
            trial.removeNode(n.name());
            String stuck = null;
            for (PodInfo p : toMove) {
                NodeInfo to = checker.fitsAny(p, trial.nodes(), x -> true);
                if (to == null) {
                    stuck = p.key() + " fits no other node";
                    if (!trial.nodes().isEmpty()) {
                        var why = checker.check(p, trial.nodes(), trial.nodes().get(0));
                        stuck += "; on " + trial.nodes().get(0).name() + ": " + why.plugin() + " " + why.reasons();
                    }
                    break;
                }
                trial.addPod(to.name(), p);
            }
            if (stuck != null) {
                markUnremovable(now, n.name(), pool, UnremovableReason.NO_PLACE_TO_MOVE_PODS.text() + " (" + stuck + ")", util);
                continue;
            }
            fork = trial;
            if (!empty) {
                nonEmptyFound++;
            }
            long since = unneededSince.getOrDefault(n.name(), now);
            stillUnneeded.put(n.name(), since);
            candidates.put(n.name(), new Candidate(n, pool, empty, toMove, daemons));
            verdicts.put(n.name(), new NodeVerdict(n.name(), pool, "unneeded", (empty ? "empty" : "its " + toMove.size() + " pod(s) fit elsewhere")
                    + ", utilization " + percent(util), util, since));
        }
        unneededSince.clear();
        unneededSince.putAll(stillUnneeded);
        candidates.keySet().retainAll(stillUnneeded.keySet());
    }

    private final Map<String, Candidate> candidates = new LinkedHashMap<>();
    private final Map<String, PodInfo> unbound = new HashMap<>();

    /** The pod as it would be recreated elsewhere: the same spec without its node name (upstream clears it too). */
    private PodInfo unbound(PodInfo p) {
        if (unbound.size() > 200_000) {
            unbound.clear();
        }
        return unbound.computeIfAbsent(p.pod().getMetadata().getUid(), uid -> {
            io.fabric8.kubernetes.api.model.Pod copy = new io.fabric8.kubernetes.api.model.Pod();
            copy.setApiVersion("v1");
            copy.setKind("Pod");
            copy.setMetadata(p.pod().getMetadata());
            copy.setSpec(dev.sandtable.api.Pods.copy(p.pod().getSpec()));
            copy.getSpec().setNodeName(null);
            copy.setStatus(p.pod().getStatus());
            return new PodInfo(copy);
        });
    }

    private void markUnremovable(long now, String node, String pool, String reason, double util) {
        unremovableUntil.put(node, now + options.unremovableNodeRecheckTimeout().toMillis());
        verdicts.put(node, new NodeVerdict(node, pool, "kept", reason, util, now));
    }

    /** Nodes unneeded for at least their pool's unneeded time (unready ones: the unready time), oldest first. */
    public List<Candidate> removable(long now, Function<String, NodeGroupOptions> groupOptions) {
        List<Candidate> out = new ArrayList<>();
        for (var e : unneededSince.entrySet()) {
            Candidate c = candidates.get(e.getKey());
            NodeGroupOptions g = groupOptions.apply(c.pool());
            long need = (Eligibility.ready(c.node().node()) ? g.scaleDownUnneededTime() : g.scaleDownUnreadyTime()).toMillis();
            if (now - e.getValue() >= need) {
                out.add(c);
            } else {
                NodeVerdict v = verdicts.get(e.getKey());
                verdicts.put(e.getKey(), new NodeVerdict(v.node(), v.pool(), "unneeded", v.reason() + "; "
                        + UnremovableReason.NOT_UNNEEDED_LONG_ENOUGH.text(), v.utilization(), v.sinceMillis()));
            }
        }
        return out;
    }

    /** Forgets a node: removed, or found unremovable while acting on it. */
    public void forget(String node) {
        unneededSince.remove(node);
        candidates.remove(node);
    }

    public void unremovable(long now, String node, String pool, String reason) {
        forget(node);
        markUnremovable(now, node, pool, reason, Double.NaN);
    }

    public void record(NodeVerdict v) {
        verdicts.put(v.node(), v);
    }

    /** The latest verdict on every node of an autoscaling pool seen so far (removed nodes included). */
    public Map<String, NodeVerdict> verdicts() {
        return verdicts;
    }

    static String percent(double f) {
        return String.format(java.util.Locale.ROOT, "%.0f%%", f * 100);
    }
}
