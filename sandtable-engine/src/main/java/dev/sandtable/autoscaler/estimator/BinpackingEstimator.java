package dev.sandtable.autoscaler.estimator;

import dev.sandtable.autoscaler.simulator.ClusterSnapshot;
import dev.sandtable.autoscaler.simulator.PredicateChecker;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * cluster-autoscaler 1.31's BinpackingNodeEstimator (estimator/binpacking_estimator.go): pods, biggest first, go onto
 * nodes already added in this estimate, else onto the last added node, else onto a new copy of the pool's template,
 * until the pool's limit; the answer is how many new nodes got pods, and which pods they took.
 */
public final class BinpackingEstimator {
    private final PredicateChecker checker;

    public BinpackingEstimator(PredicateChecker checker) {
        this.checker = checker;
    }

    /** How many nodes, and which pods would land on them. */
    public record Estimate(int nodeCount, List<PodInfo> scheduled) {
    }

    /**
     * @param groups pending pods in equivalence groups (pods of one controller with the same spec), in any order
     * @param newNode builds the i-th new node from the pool's template
     * @param maxNodes how many nodes the pool (and the cluster's limits) still allow
     */
    public Estimate estimate(List<List<PodInfo>> groups, ClusterSnapshot.Fork fork, NodeInfo template, IntFunction<NodeInfo> newNode, int maxNodes) {
        List<List<PodInfo>> ordered = new ArrayList<>(groups);
        // DecreasingPodOrderer: the pods that take the biggest share of a template node go first.
        ordered.sort(Comparator.comparingDouble((List<PodInfo> g) -> -score(g.get(0), template)));
        Set<String> newNames = new HashSet<>();
        Set<String> withPods = new HashSet<>();
        List<PodInfo> scheduled = new ArrayList<>();
        String last = null;
        int added = 0;
        for (List<PodInfo> group : ordered) {
            int i = 0;
            // tryToScheduleOnExistingNodes: the new nodes added so far, any of them.
            for (; i < group.size() && !newNames.isEmpty(); i++) {
                PodInfo pod = group.get(i);
                NodeInfo fit = checker.fitsAny(pod, fork.nodes(), n -> newNames.contains(n.name()));
                if (fit == null) {
                    break;
                }
                fork.addPod(fit.name(), pod);
                withPods.add(fit.name());
                scheduled.add(pod);
            }
            // tryToScheduleOnNewNodes.
            for (; i < group.size(); i++) {
                PodInfo pod = group.get(i);
                if (last != null && checker.check(pod, fork.nodes(), fork.node(last)).isSuccess()) {
                    fork.addPod(last, pod);
                    withPods.add(last);
                    scheduled.add(pod);
                    continue;
                }
                if (last != null && !withPods.contains(last)) {
                    break;
                }
                if (added >= maxNodes) {
                    break;
                }
                NodeInfo node = newNode.apply(added++);
                fork.addNode(node);
                newNames.add(node.name());
                last = node.name();
                if (!checker.check(pod, fork.nodes(), fork.node(last)).isSuccess()) {
                    break;
                }
                fork.addPod(last, pod);
                withPods.add(last);
                scheduled.add(pod);
            }
        }
        return new Estimate(withPods.size(), scheduled);
    }

    /** The pod's CPU and memory requests as shares of the template node's allocatable, added. */
    static double score(PodInfo pod, NodeInfo template) {
        double cpu = template.allocatable().cpuMillis() == 0 ? 0 : (double) pod.requests().cpuMillis() / template.allocatable().cpuMillis();
        double mem = template.allocatable().memoryBytes() == 0 ? 0 : (double) pod.requests().memoryBytes() / template.allocatable().memoryBytes();
        return cpu + mem;
    }
}
