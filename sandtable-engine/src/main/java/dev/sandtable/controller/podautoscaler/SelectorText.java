package dev.sandtable.controller.podautoscaler;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A label selector as kubectl prints one (metav1.FormatLabelSelector, v1.31): "a=b,c in (d,e)", or "<none>". */
public final class SelectorText {
    private SelectorText() {
    }

    public static String of(LabelSelector s) {
        if (s == null) {
            return "<none>";
        }
        List<String> parts = new ArrayList<>();
        Map<String, String> labels = s.getMatchLabels() == null ? Map.of() : new TreeMap<>(s.getMatchLabels());
        labels.forEach((k, v) -> parts.add(k + "=" + v));
        if (s.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : s.getMatchExpressions()) {
                String values = r.getValues() == null ? "" : String.join(",", r.getValues());
                parts.add(switch (r.getOperator()) {
                    case "In" -> r.getKey() + " in (" + values + ")";
                    case "NotIn" -> r.getKey() + " notin (" + values + ")";
                    case "Exists" -> r.getKey();
                    default -> "!" + r.getKey();
                });
            }
        }
        return parts.isEmpty() ? "<none>" : String.join(",", parts);
    }
}
