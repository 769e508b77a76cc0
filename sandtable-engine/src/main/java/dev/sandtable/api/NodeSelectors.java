package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;
import java.util.Map;

/**
 * Node selection as k8s.io/component-helpers nodeaffinity (v1.31) evaluates it: nodeSelector AND
 * requiredDuringSchedulingIgnoredDuringExecution, whose terms are ORed and whose requirements are ANDed.
 */
public final class NodeSelectors {
    private NodeSelectors() {
    }

    /** Whether the pod's nodeSelector and required node affinity both admit the node. */
    public static boolean podMatchesNode(PodSpec spec, Node node) {
        Map<String, String> labels = labels(node);
        if (spec.getNodeSelector() != null) {
            for (Map.Entry<String, String> e : spec.getNodeSelector().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        NodeSelector required = requiredAffinity(spec);
        return required == null || matches(required, node.getMetadata().getName(), labels);
    }

    public static NodeSelector requiredAffinity(PodSpec spec) {
        if (spec.getAffinity() == null || spec.getAffinity().getNodeAffinity() == null) {
            return null;
        }
        return spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
    }

    /** Terms are ORed; a term with no requirements matches nothing. */
    public static boolean matches(NodeSelector selector, String nodeName, Map<String, String> labels) {
        List<NodeSelectorTerm> terms = selector.getNodeSelectorTerms();
        if (terms == null) {
            return false;
        }
        for (NodeSelectorTerm term : terms) {
            if (termMatches(term, nodeName, labels)) {
                return true;
            }
        }
        return false;
    }

    public static boolean termMatches(NodeSelectorTerm term, String nodeName, Map<String, String> labels) {
        boolean empty = (term.getMatchExpressions() == null || term.getMatchExpressions().isEmpty())
                && (term.getMatchFields() == null || term.getMatchFields().isEmpty());
        if (empty) {
            return false;
        }
        if (term.getMatchExpressions() != null) {
            for (NodeSelectorRequirement r : term.getMatchExpressions()) {
                if (!requirementMatches(r, labels.get(r.getKey()), labels.containsKey(r.getKey()))) {
                    return false;
                }
            }
        }
        if (term.getMatchFields() != null) {
            for (NodeSelectorRequirement r : term.getMatchFields()) {
                if (!"metadata.name".equals(r.getKey()) || !requirementMatches(r, nodeName, true)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean requirementMatches(NodeSelectorRequirement r, String value, boolean present) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        return switch (r.getOperator()) {
            case "In" -> present && values.contains(value);
            case "NotIn" -> !present || !values.contains(value);
            case "Exists" -> present;
            case "DoesNotExist" -> !present;
            case "Gt", "Lt" -> present && values.size() == 1 && compare(value, values.get(0), r.getOperator());
            default -> false;
        };
    }

    private static boolean compare(String label, String bound, String op) {
        try {
            long l = Long.parseLong(label);
            long b = Long.parseLong(bound);
            return "Gt".equals(op) ? l > b : l < b;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Map<String, String> labels(Node node) {
        Map<String, String> l = node.getMetadata().getLabels();
        return l == null ? Map.of() : l;
    }
}
