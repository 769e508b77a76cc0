package dev.sandtable.api.validation;

import static dev.sandtable.api.validation.FieldErrors.invalid;
import static dev.sandtable.api.validation.PodSpecValidation.nonNegative;

import dev.sandtable.api.FieldError;
import dev.sandtable.api.LabelSelectors;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import java.util.List;
import java.util.Map;

/** pkg/apis/apps/validation (v1.31): Deployment, ReplicaSet, StatefulSet and DaemonSet specs, as the API server validates them on create. */
final class AppsValidation {
    private static final String REPLICAS_HINT = "give the number of pods wanted, 0 or more";

    private AppsValidation() {
    }

    static void deployment(Deployment d, List<FieldError> errors) {
        DeploymentSpec s = d.getSpec();
        if (s == null) {
            errors.add(FieldErrors.required("spec", "", "add spec with selector and template"));
            return;
        }
        nonNegative(s.getReplicas(), "spec.replicas", errors);
        selectorAndTemplate(s.getSelector(), s.getTemplate(), "deployment", errors);
        if (s.getStrategy() != null) {
            String type = s.getStrategy().getType() == null ? "" : s.getStrategy().getType();
            switch (type) {
                case "Recreate" -> {
                    if (s.getStrategy().getRollingUpdate() != null) {
                        errors.add(FieldErrors.forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'",
                                "remove rollingUpdate, or use type: RollingUpdate"));
                    }
                }
                case "RollingUpdate", "" -> {
                    if (s.getStrategy().getRollingUpdate() != null) {
                        rollingUpdate(s.getStrategy().getRollingUpdate().getMaxUnavailable(), s.getStrategy().getRollingUpdate().getMaxSurge(),
                                "spec.strategy.rollingUpdate", errors);
                    }
                }
                default -> errors.add(FieldErrors.notSupported("spec.strategy.type", type, List.of("Recreate", "RollingUpdate"),
                        "use Recreate or RollingUpdate"));
            }
        }
        nonNegative(s.getMinReadySeconds(), "spec.minReadySeconds", errors);
        nonNegative(s.getRevisionHistoryLimit(), "spec.revisionHistoryLimit", errors);
        if (s.getProgressDeadlineSeconds() != null) {
            nonNegative(s.getProgressDeadlineSeconds(), "spec.progressDeadlineSeconds", errors);
            int minReady = s.getMinReadySeconds() == null ? 0 : s.getMinReadySeconds();
            if (s.getProgressDeadlineSeconds() <= minReady) {
                errors.add(invalid("spec.progressDeadlineSeconds", s.getProgressDeadlineSeconds(), "must be greater than minReadySeconds",
                        "make progressDeadlineSeconds longer than minReadySeconds"));
            }
        }
    }

    static void replicaSet(ReplicaSet r, List<FieldError> errors) {
        ReplicaSetSpec s = r.getSpec();
        if (s == null) {
            errors.add(FieldErrors.required("spec", "", "add spec with selector and template"));
            return;
        }
        nonNegative(s.getReplicas(), "spec.replicas", errors);
        nonNegative(s.getMinReadySeconds(), "spec.minReadySeconds", errors);
        // Upstream's ReplicaSet validation words its empty-selector error as the Deployment one does.
        selectorAndTemplate(s.getSelector(), s.getTemplate(), "deployment", errors);
    }

    static void statefulSet(StatefulSet st, List<FieldError> errors) {
        StatefulSetSpec s = st.getSpec();
        if (s == null) {
            errors.add(FieldErrors.required("spec", "", "add spec with selector, serviceName and template"));
            return;
        }
        String policy = s.getPodManagementPolicy();
        PodSpecValidation.oneOf(policy, "spec.podManagementPolicy", List.of("OrderedReady", "Parallel"), errors);
        if (s.getUpdateStrategy() != null) {
            String type = s.getUpdateStrategy().getType() == null ? "" : s.getUpdateStrategy().getType();
            var ru = s.getUpdateStrategy().getRollingUpdate();
            switch (type) {
                case "OnDelete" -> {
                    if (ru != null) {
                        errors.add(FieldErrors.invalid("spec.updateStrategy.rollingUpdate", "OnDelete",
                                "only allowed for updateStrategy 'RollingUpdate'", "remove rollingUpdate, or use type: RollingUpdate"));
                    }
                }
                case "RollingUpdate", "" -> {
                    if (ru != null) {
                        nonNegative(ru.getPartition(), "spec.updateStrategy.rollingUpdate.partition", errors);
                        if (ru.getMaxUnavailable() != null) {
                            positiveIntOrPercent(ru.getMaxUnavailable(), "spec.updateStrategy.rollingUpdate.maxUnavailable", errors);
                        }
                    }
                }
                default -> errors.add(FieldErrors.notSupported("spec.updateStrategy.type", type, List.of("OnDelete", "RollingUpdate"),
                        "use RollingUpdate or OnDelete"));
            }
        }
        if (s.getOrdinals() != null) {
            nonNegative(s.getOrdinals().getStart(), "spec.ordinals.start", errors);
        }
        nonNegative(s.getReplicas(), "spec.replicas", errors);
        nonNegative(s.getMinReadySeconds(), "spec.minReadySeconds", errors);
        selectorAndTemplate(s.getSelector(), s.getTemplate(), "statefulset", errors);
        nonNegative(s.getRevisionHistoryLimit(), "spec.revisionHistoryLimit", errors);
    }

    static void daemonSet(DaemonSet d, List<FieldError> errors) {
        DaemonSetSpec s = d.getSpec();
        if (s == null) {
            errors.add(FieldErrors.required("spec", "", "add spec with selector and template"));
            return;
        }
        selectorAndTemplate(s.getSelector(), s.getTemplate(), "daemonset", errors);
        nonNegative(s.getMinReadySeconds(), "spec.minReadySeconds", errors);
        nonNegative(s.getRevisionHistoryLimit(), "spec.revisionHistoryLimit", errors);
        if (s.getUpdateStrategy() != null) {
            String type = s.getUpdateStrategy().getType() == null ? "" : s.getUpdateStrategy().getType();
            switch (type) {
                case "OnDelete", "" -> {
                }
                case "RollingUpdate" -> {
                    var ru = s.getUpdateStrategy().getRollingUpdate();
                    if (ru != null) {
                        rollingUpdate(ru.getMaxUnavailable(), ru.getMaxSurge(), "spec.updateStrategy.rollingUpdate", errors);
                    }
                }
                default -> errors.add(FieldErrors.notSupported("spec.updateStrategy.type", type, List.of("OnDelete", "RollingUpdate"),
                        "use RollingUpdate or OnDelete"));
            }
        }
    }

    /** The selector must be given, non-empty, valid, and match the template's labels; the template's pods must restart Always. */
    private static void selectorAndTemplate(LabelSelector selector, PodTemplateSpec template, String kind, List<FieldError> errors) {
        boolean selectorValid = selector != null;
        if (selector == null) {
            errors.add(FieldErrors.required("spec.selector", "", "add spec.selector.matchLabels matching spec.template.metadata.labels"));
        } else {
            int before = errors.size();
            LabelSelectorValidation.validate(selector, "spec.selector", errors);
            // As upstream, an invalid selector is not matched against the labels (it could not be built).
            selectorValid = errors.size() == before;
            boolean empty = (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                    && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
            if (empty) {
                errors.add(FieldErrors.invalid("spec.selector", new PodSpecValidation.GoValue("{}"), "empty selector is invalid for " + kind,
                        "add spec.selector.matchLabels"));
            }
        }
        if (template == null || template.getSpec() == null) {
            errors.add(FieldErrors.required("spec.template", "", "add a pod template with containers"));
            return;
        }
        Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
        if (selectorValid && !LabelSelectors.matches(selector, labels)) {
            errors.add(FieldErrors.invalid("spec.template.metadata.labels", labels == null ? Map.of() : labels,
                    "`selector` does not match template `labels`", "make spec.template.metadata.labels contain every spec.selector.matchLabels entry"));
        }
        if (template.getMetadata() != null) {
            ObjectMetaValidation.labels(template.getMetadata().getLabels(), "spec.template.metadata.labels", errors);
        }
        PodSpecValidation.validate(template.getSpec(), "spec.template.spec", errors);
        String restart = template.getSpec().getRestartPolicy();
        if (restart != null && !restart.isEmpty() && !restart.equals("Always")) {
            errors.add(FieldErrors.notSupported("spec.template.spec.restartPolicy", restart, List.of("Always"),
                    "remove restartPolicy: pods of a " + kind + " always restart"));
        }
        if (template.getSpec().getActiveDeadlineSeconds() != null) {
            errors.add(FieldErrors.forbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in ReplicaSet is not Supported",
                    "remove activeDeadlineSeconds"));
        }
    }

    /** apps validation's rolling update check: both IntOrPercent, not both zero, maxUnavailable at most 100%. */
    private static void rollingUpdate(IntOrString maxUnavailable, IntOrString maxSurge, String path, List<FieldError> errors) {
        if (maxUnavailable != null) {
            positiveIntOrPercent(maxUnavailable, path + ".maxUnavailable", errors);
        }
        if (maxSurge != null) {
            positiveIntOrPercent(maxSurge, path + ".maxSurge", errors);
        }
        if (maxUnavailable != null && maxSurge != null && value(maxUnavailable) == 0 && value(maxSurge) == 0) {
            errors.add(invalid(path + ".maxUnavailable", new PodSpecValidation.GoValue(goIntOrString(maxUnavailable)), "may not be 0 when `maxSurge` is 0",
                    "allow at least one pod of surge or of unavailability"));
        }
        if (maxUnavailable != null && maxUnavailable.getStrVal() != null && NameValidation.isPercent(maxUnavailable.getStrVal())
                && value(maxUnavailable) > 100) {
            errors.add(invalid(path + ".maxUnavailable", new PodSpecValidation.GoValue(goIntOrString(maxUnavailable)), "must not be greater than 100%",
                    "use at most 100%"));
        }
    }

    /** apps validation ValidatePositiveIntOrPercent: an integer or a percentage, not negative. */
    static void positiveIntOrPercent(IntOrString v, String path, List<FieldError> errors) {
        if (v.getStrVal() != null) {
            if (!NameValidation.isPercent(v.getStrVal())) {
                errors.add(invalid(path, new PodSpecValidation.GoValue(goIntOrString(v)), "must be an integer or percentage (e.g '5%')",
                        "write a whole number or a percentage such as 25%"));
                return;
            }
        }
        nonNegative(value(v), path, errors);
    }

    /** The integer, or the number of a percentage; -1 for a string that is neither. */
    static long value(IntOrString v) {
        if (v.getStrVal() != null) {
            String s = v.getStrVal();
            return NameValidation.isPercent(s) ? Long.parseLong(s.substring(0, s.length() - 1)) : -1;
        }
        return v.getIntVal() == null ? 0 : v.getIntVal();
    }

    static String goIntOrString(IntOrString v) {
        return v.getStrVal() != null ? "intstr.IntOrString{Type:1, IntVal:0, StrVal:" + FieldErrors.quote(v.getStrVal()) + "}"
                : "intstr.IntOrString{Type:0, IntVal:" + v.getIntVal() + ", StrVal:\"\"}";
    }
}
