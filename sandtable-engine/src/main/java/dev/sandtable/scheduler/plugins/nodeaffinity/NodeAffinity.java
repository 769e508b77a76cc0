package dev.sandtable.scheduler.plugins.nodeaffinity;

import dev.sandtable.api.NodeSelectors;
import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.FilterPlugin;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.ScorePlugin;
import dev.sandtable.scheduler.framework.Status;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import java.util.List;

/**
 * Mirrors kube-scheduler v1.31 plugins/nodeaffinity: nodeSelector plus required node affinity as a filter,
 * the summed weights of matching preferred terms as a score.
 */
public final class NodeAffinity implements FilterPlugin, ScorePlugin {
    public static final String NAME = "NodeAffinity";
    public static final String ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        return NodeSelectors.podMatchesNode(pod.spec(), node.node()) ? Status.SUCCESS : Status.unresolvable(NAME, ERR_REASON_POD);
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        var spec = pod.spec();
        if (spec.getAffinity() == null || spec.getAffinity().getNodeAffinity() == null) {
            return 0;
        }
        List<PreferredSchedulingTerm> preferred = spec.getAffinity().getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution();
        long total = 0;
        if (preferred != null) {
            for (PreferredSchedulingTerm t : preferred) {
                if (t.getWeight() != null && t.getWeight() != 0 && NodeSelectors.termMatches(t.getPreference(), node.name(), node.labels())) {
                    total += t.getWeight();
                }
            }
        }
        return total;
    }

    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        ScorePlugin.defaultNormalize(scores, false);
    }
}
