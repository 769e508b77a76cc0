package dev.sandtable.autoscaler.scaleup;

import dev.sandtable.autoscaler.config.AutoscalingOptions;
import dev.sandtable.autoscaler.estimator.BinpackingEstimator;
import dev.sandtable.autoscaler.expander.ExpanderChain;
import dev.sandtable.autoscaler.expander.Option;
import dev.sandtable.autoscaler.simulator.ClusterSnapshot;
import dev.sandtable.autoscaler.simulator.NodeTemplates;
import dev.sandtable.autoscaler.simulator.PredicateChecker;
import dev.sandtable.cluster.ResolvedNodePool;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * cluster-autoscaler 1.31's scale-up orchestrator (core/scaleup/orchestrator): for every pool that may grow, the
 * pending pods that fit its template node, an estimate of how many nodes they need, then the expander's pick.
 */
public final class ScaleUpOrchestrator {
    private final AutoscalingOptions options;
    private final PredicateChecker checker;
    private final BinpackingEstimator estimator;
    private final ExpanderChain expanders;
    private final NodeTemplates templates;

    public ScaleUpOrchestrator(AutoscalingOptions options, PredicateChecker checker, ExpanderChain expanders, NodeTemplates templates) {
        this.options = options;
        this.checker = checker;
        this.estimator = new BinpackingEstimator(checker);
        this.expanders = expanders;
        this.templates = templates;
    }

    /** What the node groups look like right now, as the cloud provider reports them. */
    public record Groups(Map<String, ResolvedNodePool> pools, ToIntFunction<String> targetSize, ToIntFunction<String> nextIndex,
                         Function<String, String> backedOffUntil, int clusterNodes) {
    }

    /** Decides a scale-up for the pending pods (equivalence groups that fit no existing or upcoming node). */
    public ScaleUpDecision decide(long now, List<List<PodInfo>> pending, ClusterSnapshot.Fork base, Groups groups) {
        int pendingCount = pending.stream().mapToInt(List::size).sum();
        List<String> examples = new ArrayList<>();
        for (List<PodInfo> g : pending) {
            if (examples.size() < 3) {
                examples.add(g.get(0).key());
            }
        }
        List<PoolVerdict> verdicts = new ArrayList<>();
        List<Option> options = new ArrayList<>();
        Map<String, PoolVerdict> optionVerdicts = new LinkedHashMap<>();
        int clusterRoom = this.options.maxNodesTotal() > 0 ? this.options.maxNodesTotal() - groups.clusterNodes() : Integer.MAX_VALUE;
        for (ResolvedNodePool pool : groups.pools().values()) {
            if (!pool.autoscaling()) {
                verdicts.add(new PoolVerdict(pool.name(), PoolVerdict.Kind.NOT_AUTOSCALED, 0, 0, "autoscaling is off for this pool"));
                continue;
            }
            String backoff = groups.backedOffUntil().apply(pool.name());
            if (backoff != null) {
                verdicts.add(new PoolVerdict(pool.name(), PoolVerdict.Kind.BACKED_OFF, 0, 0, "backed off after a failed scale-up, until " + backoff));
                continue;
            }
            int target = groups.targetSize().applyAsInt(pool.name());
            int room = Math.min(pool.maxCount() - target, this.options.maxNodesPerScaleUp());
            if (room <= 0) {
                verdicts.add(new PoolVerdict(pool.name(), PoolVerdict.Kind.AT_MAX, 0, 0, "at its maximum size (" + pool.maxCount() + " nodes)"));
                continue;
            }
            if (clusterRoom <= 0) {
                verdicts.add(new PoolVerdict(pool.name(), PoolVerdict.Kind.CLUSTER_LIMIT, 0, 0, "the cluster is at max-nodes-total (" + this.options.maxNodesTotal() + ")"));
                continue;
            }
            room = Math.min(room, clusterRoom);
            int next = groups.nextIndex().applyAsInt(pool.name());
            // The pods that fit an empty template node of the pool: upstream's SchedulablePodGroups.
            ClusterSnapshot.Fork fork = base.copy();
            NodeInfo template = templates.build(pool, "template-node-for-" + pool.name(), next);
            fork.addNode(template);
            List<List<PodInfo>> fitting = new ArrayList<>();
            String firstReason = null;
            for (List<PodInfo> g : pending) {
                Status s = checker.check(g.get(0), fork.nodes(), template);
                if (s.isSuccess()) {
                    fitting.add(g);
                } else if (firstReason == null) {
                    firstReason = g.get(0).key() + ": " + describe(s);
                }
            }
            fork.removeNode(template.name());
            if (fitting.isEmpty()) {
                verdicts.add(new PoolVerdict(pool.name(), PoolVerdict.Kind.NO_FIT, 0, 0, "no pending pod fits a new node: " + firstReason));
                continue;
            }
            BinpackingEstimator.Estimate e = estimator.estimate(fitting, fork, template,
                    i -> templates.build(pool, "template-" + pool.name() + "-" + i, next + i), room);
            if (e.nodeCount() == 0) {
                verdicts.add(new PoolVerdict(pool.name(), PoolVerdict.Kind.NO_FIT, 0, 0, "no pending pod fits a new node"));
                continue;
            }
            Option o = new Option(pool, e.nodeCount(), e.scheduled());
            options.add(o);
            String note = e.nodeCount() == room && e.scheduled().size() < pendingCount ? " (limited by the pool's maximum)" : "";
            PoolVerdict v = new PoolVerdict(pool.name(), PoolVerdict.Kind.OPTION, e.nodeCount(), e.scheduled().size(),
                    e.nodeCount() + " node(s) for " + e.scheduled().size() + " pod(s)" + note);
            verdicts.add(v);
            optionVerdicts.put(pool.name(), v);
        }
        Option best = expanders.bestOption(options);
        if (best == null) {
            return new ScaleUpDecision(now, pendingCount, examples, verdicts, null, 0, expanders.names());
        }
        List<PoolVerdict> out = new ArrayList<>();
        for (PoolVerdict v : verdicts) {
            out.add(v.pool().equals(best.pool().name())
                    ? new PoolVerdict(v.pool(), PoolVerdict.Kind.CHOSEN, v.nodes(), v.pods(), v.reason() + ", chosen by " + String.join(",", expanders.names()))
                    : v);
        }
        return new ScaleUpDecision(now, pendingCount, examples, out, best.pool().name(), best.nodeCount(), expanders.names());
    }

    /** A rejecting plugin's verdict as the scheduler words it. */
    static String describe(Status s) {
        return s.plugin() + " (" + String.join(", ", s.reasons()) + ")";
    }
}
