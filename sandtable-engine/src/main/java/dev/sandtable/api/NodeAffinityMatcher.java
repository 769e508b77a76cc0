package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pod's nodeSelector and required node affinity, checked once for validity so that matching a node is only
 * label lookups (component-helpers nodeaffinity.GetRequiredNodeAffinity, v1.31, which the scheduler also builds
 * once per pod).
 */
public final class NodeAffinityMatcher {
    /** Admits every node: a pod with neither nodeSelector nor required affinity. */
    public static final NodeAffinityMatcher ANY = new NodeAffinityMatcher(Map.of(), null);

    private final Map<String, String> nodeSelector;
    private final List<NodeSelectorTerm> terms;

    private NodeAffinityMatcher(Map<String, String> nodeSelector, List<NodeSelectorTerm> terms) {
        this.nodeSelector = nodeSelector;
        this.terms = terms;
    }

    public static NodeAffinityMatcher of(PodSpec spec) {
        Map<String, String> selector = spec.getNodeSelector() == null ? Map.of() : spec.getNodeSelector();
        NodeSelector required = NodeSelectors.requiredAffinity(spec);
        if (selector.isEmpty() && required == null) {
            return ANY;
        }
        List<NodeSelectorTerm> valid = null;
        if (required != null) {
            valid = new ArrayList<>();
            if (required.getNodeSelectorTerms() != null) {
                for (NodeSelectorTerm t : required.getNodeSelectorTerms()) {
                    // Empty or unparsable terms match nothing, so they are dropped here once instead of per node.
                    if (!NodeSelectors.isEmpty(t) && NodeSelectors.isValid(t)) {
                        valid.add(t);
                    }
                }
            }
        }
        return new NodeAffinityMatcher(selector, valid);
    }

    public boolean matches(String nodeName, Map<String, String> labels) {
        for (Map.Entry<String, String> e : nodeSelector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        if (terms == null) {
            return true;
        }
        for (NodeSelectorTerm t : terms) {
            if (NodeSelectors.validTermMatches(t, nodeName, labels)) {
                return true;
            }
        }
        return false;
    }
}
