package dev.sandtable.scheduler.plugins.podtopologyspread;

import dev.sandtable.api.NodeAffinityMatcher;
import dev.sandtable.api.Tolerations;
import dev.sandtable.scheduler.framework.ParsedSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.Map;

/**
 * A topology spread constraint with its selector parsed (podtopologyspread.topologySpreadConstraint, v1.31):
 * minDomains defaults to 1, nodeAffinityPolicy to Honor and nodeTaintsPolicy to Ignore.
 */
record Constraint(int maxSkew, String topologyKey, ParsedSelector selector, int minDomains,
                  boolean honorNodeAffinity, boolean honorNodeTaints) {

    static final String HONOR = "Honor";
    static final String IGNORE = "Ignore";

    String nodeAffinityPolicy() {
        return honorNodeAffinity ? HONOR : IGNORE;
    }

    String nodeTaintsPolicy() {
        return honorNodeTaints ? HONOR : IGNORE;
    }

    /** Whether a node counts towards this constraint under its node inclusion policies. */
    boolean includes(NodeFacts node) {
        if (honorNodeAffinity && !node.matchesAffinity()) {
            return false;
        }
        return !honorNodeTaints || !node.hasUntoleratedTaint();
    }

    /** Lazily computed, per node and cycle: does the incoming pod's required affinity match, is a taint untolerated. */
    static final class NodeFacts {
        private final NodeAffinityMatcher nodeAffinity;
        private final PodSpec pod;
        private final Node node;
        private final List<Taint> taints;
        private Boolean affinity;
        private Boolean untolerated;

        NodeFacts(NodeAffinityMatcher nodeAffinity, PodSpec pod,
                  Node node, List<Taint> taints) {
            this.nodeAffinity = nodeAffinity;
            this.pod = pod;
            this.node = node;
            this.taints = taints;
        }

        boolean matchesAffinity() {
            if (affinity == null) {
                affinity = nodeAffinity.matches(node.getMetadata().getName(), node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels());
            }
            return affinity;
        }

        /** v1helper.FindMatchingUntoleratedTaint over NoSchedule and NoExecute taints. */
        boolean hasUntoleratedTaint() {
            if (untolerated == null) {
                boolean found = false;
                for (Taint t : taints) {
                    if (("NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect()))
                            && !Tolerations.anyTolerates(pod.getTolerations(), t)) {
                        found = true;
                        break;
                    }
                }
                untolerated = found;
            }
            return untolerated;
        }
    }
}
