package dev.sandtable.api.validation;

import dev.sandtable.api.FieldError;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;

/** apimachinery's meta/v1/validation ValidateLabelSelector (v1.31): matchLabels as labels, matchExpressions' operators and values. */
final class LabelSelectorValidation {
    private LabelSelectorValidation() {
    }

    static void validate(LabelSelector selector, String path, List<FieldError> errors) {
        if (selector == null) {
            return;
        }
        ObjectMetaValidation.labels(selector.getMatchLabels(), path + ".matchLabels", errors);
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
        if (expressions == null) {
            return;
        }
        for (int i = 0; i < expressions.size(); i++) {
            requirement(expressions.get(i), path + ".matchExpressions[" + i + "]", errors);
        }
    }

    private static void requirement(LabelSelectorRequirement r, String path, List<FieldError> errors) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        String op = r.getOperator() == null ? "" : r.getOperator();
        switch (op) {
            case "In", "NotIn" -> {
                if (values.isEmpty()) {
                    errors.add(FieldErrors.required(path + ".values", "must be specified when `operator` is 'In' or 'NotIn'",
                            "list the label values to match under values"));
                }
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    errors.add(FieldErrors.forbidden(path + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                            "remove values, or use In / NotIn"));
                }
            }
            default -> errors.add(FieldErrors.invalid(path + ".operator", op, "not a valid selector operator",
                    "use In, NotIn, Exists or DoesNotExist"));
        }
        ObjectMetaValidation.labelName(r.getKey(), path + ".key", errors);
        for (int i = 0; i < values.size(); i++) {
            ObjectMetaValidation.labelValue(values.get(i), path + ".values[" + i + "]", errors);
        }
    }
}
