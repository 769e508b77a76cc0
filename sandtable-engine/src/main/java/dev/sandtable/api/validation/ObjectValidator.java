package dev.sandtable.api.validation;

import dev.sandtable.api.FieldError;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The API server's create validation (pkg/apis/{core,apps,policy,autoscaling,networking,scheduling}/validation, v1.31): object
 * metadata for every kind, then the kind's own rules, with upstream's field paths and messages.
 */
public final class ObjectValidator {
    private ObjectValidator() {
    }

    public static List<FieldError> validate(HasMetadata o) {
        List<FieldError> errors = new ArrayList<>();
        ObjectMetaValidation.validate(o.getMetadata(), o.getKind(), nameRule(o), errors);
        switch (o) {
            case Pod p -> PodSpecValidation.validate(p.getSpec(), "spec", errors);
            case Deployment d -> AppsValidation.deployment(d, errors);
            case ReplicaSet r -> AppsValidation.replicaSet(r, errors);
            case StatefulSet s -> AppsValidation.statefulSet(s, errors);
            case DaemonSet d -> AppsValidation.daemonSet(d, errors);
            case Service s -> ServiceValidation.validate(s, errors);
            case NetworkPolicy n -> NetworkPolicyValidation.validate(n, errors);
            case PodDisruptionBudget p -> PolicyValidation.podDisruptionBudget(p, errors);
            case HorizontalPodAutoscaler h -> AutoscalingValidation.v2(h, errors);
            case io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler h -> AutoscalingValidation.v1(h, errors);
            case PriorityClass p -> SchedulingValidation.priorityClass(p, errors);
            case ConfigMap c -> ConfigMapValidation.validate(c, errors);
            case Job j -> {
                if (j.getSpec() != null && j.getSpec().getTemplate() != null) {
                    PodSpecValidation.validate(j.getSpec().getTemplate().getSpec(), "spec.template.spec", errors);
                }
            }
            case CronJob c -> {
                if (c.getSpec() != null && c.getSpec().getJobTemplate() != null && c.getSpec().getJobTemplate().getSpec() != null
                        && c.getSpec().getJobTemplate().getSpec().getTemplate() != null) {
                    PodSpecValidation.validate(c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec(), "spec.jobTemplate.spec.template.spec", errors);
                }
            }
            case Node n -> {
                if (n.getStatus() != null) {
                    PodSpecValidation.quantities(n.getStatus().getCapacity(), "status.capacity", errors);
                    PodSpecValidation.quantities(n.getStatus().getAllocatable(), "status.allocatable", errors);
                }
            }
            case ResourceQuota q -> {
                if (q.getSpec() != null) {
                    PodSpecValidation.quantities(q.getSpec().getHard(), "spec.hard", errors);
                }
            }
            case LimitRange l -> {
                if (l.getSpec() != null && l.getSpec().getLimits() != null) {
                    for (int i = 0; i < l.getSpec().getLimits().size(); i++) {
                        LimitRangeItem item = l.getSpec().getLimits().get(i);
                        String base = "spec.limits[" + i + "].";
                        PodSpecValidation.quantities(item.getMax(), base + "max", errors);
                        PodSpecValidation.quantities(item.getMin(), base + "min", errors);
                        PodSpecValidation.quantities(item.getDefault(), base + "default", errors);
                        PodSpecValidation.quantities(item.getDefaultRequest(), base + "defaultRequest", errors);
                    }
                }
            }
            default -> {
            }
        }
        return errors;
    }

    /** Most names are DNS subdomains; a Namespace's is a DNS label and a Service's a DNS-1035 label (it becomes a DNS name and env vars). */
    private static Function<String, List<String>> nameRule(HasMetadata o) {
        return switch (o) {
            case Namespace n -> NameValidation::dns1123Label;
            case Service s -> NameValidation::dns1035Label;
            default -> NameValidation::dns1123Subdomain;
        };
    }
}
