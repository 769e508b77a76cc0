package dev.sandtable.network;

import dev.sandtable.api.LabelSelectors;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Label selectors as NetworkPolicy uses them (metav1.LabelSelectorAsSelector, Kubernetes 1.31): an empty selector matches everything. */
final class Selectors {
    private Selectors() {
    }

    /** Whether the selector matches; a null selector (absent from the spec) is read as empty, as Go's zero value is. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        return selector == null || LabelSelectors.matches(selector, labels);
    }

    static boolean isEmpty(LabelSelector selector) {
        return selector == null || ((selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty()));
    }

    /** kubectl's rendering: "{}" for empty, else "k=v,k in (a,b),!k". */
    static String describe(LabelSelector selector) {
        if (isEmpty(selector)) {
            return "{}";
        }
        List<String> parts = new ArrayList<>();
        if (selector.getMatchLabels() != null) {
            new TreeMap<>(selector.getMatchLabels()).forEach((k, v) -> parts.add(k + "=" + v));
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String values = r.getValues() == null ? "" : String.join(",", r.getValues());
                parts.add(switch (r.getOperator()) {
                    case "In" -> r.getKey() + " in (" + values + ")";
                    case "NotIn" -> r.getKey() + " notin (" + values + ")";
                    case "Exists" -> r.getKey();
                    case "DoesNotExist" -> "!" + r.getKey();
                    default -> r.getKey() + " " + r.getOperator() + " (" + values + ")";
                });
            }
        }
        return String.join(",", parts);
    }

    /** A problem with a selector the API server would refuse, or null. */
    static String problem(LabelSelector selector) {
        if (selector == null || selector.getMatchExpressions() == null) {
            return null;
        }
        for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
            String op = r.getOperator();
            boolean hasValues = r.getValues() != null && !r.getValues().isEmpty();
            if (!List.of("In", "NotIn", "Exists", "DoesNotExist").contains(op)) {
                return "unknown selector operator " + op;
            }
            if ((op.equals("In") || op.equals("NotIn")) != hasValues) {
                return "operator " + op + (hasValues ? " takes no values" : " needs values") + " (key " + r.getKey() + ")";
            }
        }
        return null;
    }
}
