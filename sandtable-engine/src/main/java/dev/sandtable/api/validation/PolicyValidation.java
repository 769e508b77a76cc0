package dev.sandtable.api.validation;

import dev.sandtable.api.FieldError;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import java.util.List;

/** pkg/apis/policy/validation ValidatePodDisruptionBudgetSpec (v1.31): one of minAvailable and maxUnavailable, each a count or a percentage up to 100%. */
final class PolicyValidation {
    private PolicyValidation() {
    }

    static void podDisruptionBudget(PodDisruptionBudget pdb, List<FieldError> errors) {
        PodDisruptionBudgetSpec s = pdb.getSpec();
        if (s == null) {
            return;
        }
        if (s.getMinAvailable() != null && s.getMaxUnavailable() != null) {
            errors.add(FieldErrors.invalid("spec", new PodSpecValidation.GoValue("policy.PodDisruptionBudgetSpec{MinAvailable:"
                    + AppsValidation.goIntOrString(s.getMinAvailable()) + ", MaxUnavailable:" + AppsValidation.goIntOrString(s.getMaxUnavailable()) + ", ...}"),
                    "minAvailable and maxUnavailable cannot be both set", "keep one of minAvailable and maxUnavailable"));
        }
        countOrPercent(s.getMinAvailable(), "spec.minAvailable", errors);
        countOrPercent(s.getMaxUnavailable(), "spec.maxUnavailable", errors);
        LabelSelectorValidation.validate(s.getSelector(), "spec.selector", errors);
        PodSpecValidation.oneOf(s.getUnhealthyPodEvictionPolicy(), "spec.unhealthyPodEvictionPolicy", List.of("AlwaysAllow", "IfHealthyBudget"), errors);
    }

    private static void countOrPercent(IntOrString v, String path, List<FieldError> errors) {
        if (v == null) {
            return;
        }
        int before = errors.size();
        AppsValidation.positiveIntOrPercent(v, path, errors);
        if (errors.size() == before && v.getStrVal() != null && AppsValidation.value(v) > 100) {
            errors.add(FieldErrors.invalid(path, new PodSpecValidation.GoValue(AppsValidation.goIntOrString(v)), "must not be greater than 100%",
                    "use a percentage up to 100%"));
        }
    }
}
