package dev.sandtable.scheduler.plugins.tainttoleration;

import dev.sandtable.api.Tolerations;
import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.FilterPlugin;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.ScorePlugin;
import dev.sandtable.scheduler.framework.Status;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;

/**
 * Mirrors kube-scheduler v1.31 plugins/tainttoleration: filters on the first NoSchedule/NoExecute taint
 * the pod does not tolerate; scores by the count of intolerable PreferNoSchedule taints (fewer is better).
 */
public final class TaintToleration implements FilterPlugin, ScorePlugin {
    public static final String NAME = "TaintToleration";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        List<Toleration> tolerations = pod.spec().getTolerations();
        List<Taint> taints = node.taints();
        for (int i = 0, n = taints.size(); i < n; i++) {
            Taint taint = taints.get(i);
            String effect = taint.getEffect();
            if (("NoSchedule".equals(effect) || "NoExecute".equals(effect)) && !Tolerations.anyTolerates(tolerations, taint)) {
                return Status.unresolvable(NAME, "node(s) had untolerated taint {" + taint.getKey() + ": "
                        + (taint.getValue() == null ? "" : taint.getValue()) + "}");
            }
        }
        return Status.SUCCESS;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        long count = 0;
        List<Toleration> tolerations = pod.spec().getTolerations();
        List<Taint> taints = node.taints();
        for (int i = 0, n = taints.size(); i < n; i++) {
            Taint taint = taints.get(i);
            if ("PreferNoSchedule".equals(taint.getEffect()) && !toleratesPreferNoSchedule(tolerations, taint)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        ScorePlugin.defaultNormalize(scores, true);
    }

    // Only tolerations with an empty or PreferNoSchedule effect count for scoring.
    private static boolean toleratesPreferNoSchedule(List<Toleration> tolerations, Taint taint) {
        if (tolerations == null) {
            return false;
        }
        for (Toleration t : tolerations) {
            String e = t.getEffect();
            if ((e == null || e.isEmpty() || "PreferNoSchedule".equals(e)) && Tolerations.tolerates(t, taint)) {
                return true;
            }
        }
        return false;
    }
}
