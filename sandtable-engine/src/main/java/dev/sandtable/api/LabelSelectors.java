package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/** Label selector matching as metav1.LabelSelectorAsSelector (apimachinery v0.31) defines it. */
public final class LabelSelectors {
    private LabelSelectors() {
    }

    /** A null selector matches nothing; an empty selector matches everything. */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> l = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(l.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                if (!matches(r.getKey(), r.getOperator(), r.getValues(), l)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One set-based requirement (In, NotIn, Exists, DoesNotExist). */
    public static boolean matches(String key, String operator, List<String> values, Map<String, String> labels) {
        String v = labels.get(key);
        return switch (operator) {
            case "In" -> v != null && values != null && values.contains(v);
            case "NotIn" -> v == null || values == null || !values.contains(v);
            case "Exists" -> labels.containsKey(key);
            case "DoesNotExist" -> !labels.containsKey(key);
            default -> throw new IllegalArgumentException("unknown label selector operator " + operator);
        };
    }

    /** An equality-based selector such as Service.spec.selector: empty or null selects nothing. */
    public static boolean matchesMap(Map<String, String> selector, Map<String, String> labels) {
        if (selector == null || selector.isEmpty()) {
            return false;
        }
        Map<String, String> l = labels == null ? Map.of() : labels;
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(l.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
