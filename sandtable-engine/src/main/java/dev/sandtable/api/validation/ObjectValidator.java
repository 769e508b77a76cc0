package dev.sandtable.api.validation;

import dev.sandtable.api.FieldError;
import dev.sandtable.api.LabelSelectors;
import dev.sandtable.api.Quantities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The API server's validation (pkg/apis/core/validation and apps/validation, v1.31) for the mistakes
 * that matter to a simulation: names, quantities, requests above limits, and selectors that miss their template.
 */
public final class ObjectValidator {
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private ObjectValidator() {
    }

    public static List<FieldError> validate(HasMetadata o) {
        List<FieldError> errors = new ArrayList<>();
        String name = o.getMetadata() == null ? null : o.getMetadata().getName();
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("metadata.name", "missing metadata.name", "every " + o.getKind() + " needs a name: add metadata.name"));
        } else if (name.length() > 253 || !DNS1123_SUBDOMAIN.matcher(name).matches()) {
            errors.add(new FieldError("metadata.name", "invalid name \"" + name + "\": must be a lowercase RFC 1123 subdomain",
                    "use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit"));
        }
        switch (o) {
            case Pod p -> podSpec(p.getSpec(), "spec", errors);
            case Deployment d -> workload(d.getSpec().getSelector(), d.getSpec().getTemplate(), errors);
            case ReplicaSet r -> workload(r.getSpec().getSelector(), r.getSpec().getTemplate(), errors);
            case StatefulSet s -> workload(s.getSpec().getSelector(), s.getSpec().getTemplate(), errors);
            case DaemonSet d -> workload(d.getSpec().getSelector(), d.getSpec().getTemplate(), errors);
            case Job j -> {
                if (j.getSpec() != null && j.getSpec().getTemplate() != null) {
                    podSpec(j.getSpec().getTemplate().getSpec(), "spec.template.spec", errors);
                }
            }
            case CronJob c -> {
                if (c.getSpec() != null && c.getSpec().getJobTemplate() != null && c.getSpec().getJobTemplate().getSpec() != null
                        && c.getSpec().getJobTemplate().getSpec().getTemplate() != null) {
                    podSpec(c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec(), "spec.jobTemplate.spec.template.spec", errors);
                }
            }
            case Node n -> {
                if (n.getStatus() != null) {
                    quantities(n.getStatus().getCapacity(), "status.capacity", errors);
                    quantities(n.getStatus().getAllocatable(), "status.allocatable", errors);
                }
            }
            case ResourceQuota q -> {
                if (q.getSpec() != null) {
                    quantities(q.getSpec().getHard(), "spec.hard", errors);
                }
            }
            case LimitRange l -> {
                if (l.getSpec() != null && l.getSpec().getLimits() != null) {
                    for (int i = 0; i < l.getSpec().getLimits().size(); i++) {
                        LimitRangeItem item = l.getSpec().getLimits().get(i);
                        String base = "spec.limits[" + i + "].";
                        quantities(item.getMax(), base + "max", errors);
                        quantities(item.getMin(), base + "min", errors);
                        quantities(item.getDefault(), base + "default", errors);
                        quantities(item.getDefaultRequest(), base + "defaultRequest", errors);
                    }
                }
            }
            default -> {
            }
        }
        return errors;
    }

    private static void workload(LabelSelector selector, PodTemplateSpec template, List<FieldError> errors) {
        if (selector == null) {
            errors.add(new FieldError("spec.selector", "spec.selector is required", "add spec.selector.matchLabels matching spec.template.metadata.labels"));
        } else if (template != null) {
            Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
            boolean empty = (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                    && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
            if (empty) {
                errors.add(new FieldError("spec.selector", "empty selector is invalid for a workload", "add spec.selector.matchLabels"));
            } else if (!LabelSelectors.matches(selector, labels)) {
                errors.add(new FieldError("spec.template.metadata.labels", "selector does not match template labels: selector "
                        + describe(selector) + ", labels " + (labels == null ? "{}" : labels),
                        "make spec.template.metadata.labels contain every spec.selector.matchLabels entry"));
            }
        }
        if (template == null || template.getSpec() == null) {
            errors.add(new FieldError("spec.template", "spec.template is required", "add a pod template with containers"));
        } else {
            podSpec(template.getSpec(), "spec.template.spec", errors);
        }
    }

    private static void podSpec(PodSpec spec, String path, List<FieldError> errors) {
        if (spec == null) {
            return;
        }
        if (spec.getContainers() == null || spec.getContainers().isEmpty()) {
            errors.add(new FieldError(path + ".containers", "a pod needs at least one container", "add a container with a name and an image"));
        } else {
            containers(spec.getContainers(), path + ".containers", errors);
        }
        if (spec.getInitContainers() != null) {
            containers(spec.getInitContainers(), path + ".initContainers", errors);
        }
        quantities(spec.getOverhead(), path + ".overhead", errors);
    }

    private static void containers(List<Container> containers, String path, List<FieldError> errors) {
        for (int i = 0; i < containers.size(); i++) {
            Container c = containers.get(i);
            if (c.getResources() == null) {
                continue;
            }
            String base = path + "[" + i + "].resources.";
            int before = errors.size();
            quantities(c.getResources().getRequests(), base + "requests", errors);
            quantities(c.getResources().getLimits(), base + "limits", errors);
            if (errors.size() == before && c.getResources().getRequests() != null && c.getResources().getLimits() != null) {
                for (var e : c.getResources().getRequests().entrySet()) {
                    Quantity limit = c.getResources().getLimits().get(e.getKey());
                    if (limit != null && Quantities.parse(e.getValue()).compareTo(Quantities.parse(limit)) > 0) {
                        errors.add(new FieldError(base + "requests." + e.getKey(), "request " + Quantities.text(e.getValue())
                                + " must be less than or equal to " + e.getKey() + " limit " + Quantities.text(limit),
                                "lower the request or raise the limit"));
                    }
                }
            }
        }
    }

    private static void quantities(Map<String, Quantity> list, String path, List<FieldError> errors) {
        if (list == null) {
            return;
        }
        for (var e : list.entrySet()) {
            if (e.getValue() == null) {
                errors.add(new FieldError(path + "." + e.getKey(), "missing quantity for " + e.getKey(), "write e.g. 500m or 256Mi"));
                continue;
            }
            try {
                BigDecimal v = Quantities.parse(e.getValue());
                if (v.signum() < 0) {
                    errors.add(new FieldError(path + "." + e.getKey(), "quantity " + Quantities.text(e.getValue()) + " must not be negative",
                            "use a value of zero or more"));
                }
            } catch (IllegalArgumentException ex) {
                errors.add(new FieldError(path + "." + e.getKey(), "invalid quantity \"" + Quantities.text(e.getValue()) + "\": " + ex.getMessage(),
                        hintFor(e.getKey())));
            }
        }
    }

    private static String hintFor(String resource) {
        return switch (resource) {
            case "cpu" -> "CPU is written in cores or millicores, e.g. 500m or 0.5";
            case "memory", "ephemeral-storage", "storage" -> "sizes take a binary or decimal suffix, e.g. 256Mi, 1Gi or 500M";
            default -> "write a number with an optional suffix (m, k, M, G, Ki, Mi, Gi)";
        };
    }

    private static String describe(LabelSelector s) {
        StringBuilder sb = new StringBuilder();
        if (s.getMatchLabels() != null) {
            sb.append(s.getMatchLabels());
        }
        if (s.getMatchExpressions() != null && !s.getMatchExpressions().isEmpty()) {
            sb.append(" with ").append(s.getMatchExpressions().size()).append(" expression(s)");
        }
        return sb.toString();
    }
}
