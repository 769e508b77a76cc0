package dev.sandtable.scheduler.plugins.noderesources;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.ScorePlugin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Mirrors kube-scheduler v1.31 plugins/noderesources BalancedAllocation: favours nodes whose resource fractions
 * stay close, scoring (1 - standard deviation of the fractions) * 100 over the configured resources. It counts the
 * pods' actual requests, not the scoring defaults.
 */
public final class BalancedAllocation implements ScorePlugin {
    public static final String NAME = "NodeResourcesBalancedAllocation";

    private final List<ScoringStrategy.ResourceWeight> resources;

    /** The default: cpu and memory. */
    public BalancedAllocation() {
        this(ScoringStrategy.DEFAULT_RESOURCES);
    }

    /**
     * NewBalancedAllocation with NodeResourcesBalancedAllocationArgs.resources, validated as
     * ValidateNodeResourcesBalancedAllocationArgs does: no duplicate names, every weight 1 (weights are not used).
     */
    public BalancedAllocation(List<ScoringStrategy.ResourceWeight> resources) {
        List<String> errs = validate(resources);
        if (!errs.isEmpty()) {
            throw new IllegalArgumentException(ScoringStrategy.aggregate(errs));
        }
        this.resources = List.copyOf(resources);
    }

    /** ValidateNodeResourcesBalancedAllocationArgs (nil path, as NewBalancedAllocation calls it). */
    public static List<String> validate(List<ScoringStrategy.ResourceWeight> resources) {
        List<String> errs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            ScoringStrategy.ResourceWeight r = resources.get(i);
            if (!seen.add(r.name())) {
                errs.add("resources[" + i + "].name: Duplicate value: \"" + r.name() + "\"");
            }
            if (r.weight() != 1) {
                errs.add("resources[" + i + "].weight: Invalid value: " + r.weight() + ": must be 1");
            }
        }
        return errs;
    }

    public List<ScoringStrategy.ResourceWeight> resources() {
        return resources;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** balancedResourceScorer; with no resources upstream returns an Error status and 0, Sandtable returns 0. */
    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        if (resources.isEmpty()) {
            return 0;
        }
        double f0 = 0;
        double f1 = 0;
        double[] fractions = null;
        int n = 0;
        double total = 0;
        for (int i = 0, size = resources.size(); i < size; i++) {
            ScoringStrategy.ResourceWeight r = resources.get(i);
            long alloc = Fit.allocatableFor(node, pod, r.name());
            if (alloc == 0) {
                continue;
            }
            double f = Math.min(1.0, (double) Fit.requestedFor(node, pod, r.name(), true) / alloc);
            total += f;
            if (n == 0) {
                f0 = f;
            } else if (n == 1) {
                f1 = f;
            } else {
                if (fractions == null) {
                    fractions = new double[resources.size()];
                    fractions[0] = f0;
                    fractions[1] = f1;
                }
                fractions[n] = f;
            }
            n++;
        }
        double std = 0;
        if (n == 2) {
            std = Math.abs((f0 - f1) / 2);
        } else if (n > 2) {
            double mean = total / n;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (fractions[i] - mean) * (fractions[i] - mean);
            }
            std = Math.sqrt(sum / n);
        }
        return (long) ((1 - std) * MAX_NODE_SCORE);
    }
}
