package dev.sandtable.autoscaler.scaledown;

import dev.sandtable.autoscaler.config.NodeGroupOptions;
import dev.sandtable.scheduler.framework.NodeInfo;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Taint;

/**
 * The scale-down eligibility check of cluster-autoscaler 1.31 (core/scaledown/eligibility): nodes being deleted,
 * annotated scale-down-disabled, unready when scale-down of unready nodes is off, or requested at or above the
 * threshold are not candidates.
 */
public final class Eligibility {
    public static final String SCALE_DOWN_DISABLED = "cluster-autoscaler.kubernetes.io/scale-down-disabled";
    public static final String TO_BE_DELETED_TAINT = "ToBeDeletedByClusterAutoscaler";

    private Eligibility() {
    }

    /** The verdict: no reason (a candidate) or why not, with the utilisation when it was computed. */
    public record Verdict(UnremovableReason reason, Utilization utilization) {
        public boolean eligible() {
            return reason == null;
        }
    }

    public static Verdict check(NodeInfo info, NodeGroupOptions options, boolean scaleDownUnreadyEnabled) {
        Node node = info.node();
        for (Taint t : info.taints()) {
            if (TO_BE_DELETED_TAINT.equals(t.getKey())) {
                return new Verdict(UnremovableReason.CURRENTLY_BEING_DELETED, null);
            }
        }
        var annotations = node.getMetadata().getAnnotations();
        if (annotations != null && "true".equals(annotations.get(SCALE_DOWN_DISABLED))) {
            return new Verdict(UnremovableReason.SCALE_DOWN_DISABLED_ANNOTATION, null);
        }
        Utilization u = Utilization.of(info, options.ignoreDaemonSetsUtilization());
        if (!scaleDownUnreadyEnabled && !ready(node)) {
            return new Verdict(UnremovableReason.SCALE_DOWN_UNREADY_DISABLED, null);
        }
        if (u.utilization() >= options.scaleDownUtilizationThreshold()) {
            return new Verdict(UnremovableReason.NOT_UNDERUTILIZED, u);
        }
        return new Verdict(null, u);
    }

    public static boolean ready(Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return false;
        }
        for (NodeCondition c : node.getStatus().getConditions()) {
            if ("Ready".equals(c.getType())) {
                return "True".equals(c.getStatus());
            }
        }
        return false;
    }
}
