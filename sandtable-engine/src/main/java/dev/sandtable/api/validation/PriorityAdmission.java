package dev.sandtable.api.validation;

import dev.sandtable.api.FieldError;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The Priority admission plugin's lookup (plugin/pkg/admission/priority, v1.31), applied to the inputs as a whole: a pod, or
 * the pod template of a workload, that names a PriorityClass which neither the inputs nor the API server define is refused
 * (for a workload, every pod its controller creates would be).
 */
public final class PriorityAdmission {
    private PriorityAdmission() {
    }

    /** The PriorityClass names that exist: the inputs' and the two the API server creates. */
    public static Set<String> classes(Collection<? extends HasMetadata> objects) {
        Set<String> names = new HashSet<>(SchedulingValidation.SYSTEM_PRIORITY_CLASSES);
        for (HasMetadata o : objects) {
            if (o instanceof PriorityClass pc && pc.getMetadata() != null) {
                names.add(pc.getMetadata().getName());
            }
        }
        return names;
    }

    /** The error for an object whose pods name a PriorityClass not in classes, if it has one. */
    public static Optional<FieldError> check(HasMetadata o, Set<String> classes) {
        String path = templatePath(o);
        PodSpec spec = path == null ? null : podSpec(o);
        if (spec == null || spec.getPriorityClassName() == null || spec.getPriorityClassName().isEmpty()
                || classes.contains(spec.getPriorityClassName())) {
            return Optional.empty();
        }
        String name = spec.getPriorityClassName();
        String who = o instanceof Pod ? "pods \"" + o.getMetadata().getName() + "\" is forbidden"
                : "every pod of " + o.getKind() + " " + o.getMetadata().getName() + " would be forbidden";
        return Optional.of(new FieldError(path + ".priorityClassName", path + ".priorityClassName: " + who + ": no PriorityClass with name "
                + name + " was found", "define PriorityClass " + name + " in the inputs, or name an existing one (system-cluster-critical,"
                + " system-node-critical)"));
    }

    private static String templatePath(HasMetadata o) {
        return switch (o) {
            case Pod p -> "spec";
            case Deployment d -> "spec.template.spec";
            case ReplicaSet r -> "spec.template.spec";
            case StatefulSet s -> "spec.template.spec";
            case DaemonSet d -> "spec.template.spec";
            case Job j -> "spec.template.spec";
            case CronJob c -> "spec.jobTemplate.spec.template.spec";
            default -> null;
        };
    }

    private static PodSpec podSpec(HasMetadata o) {
        var template = switch (o) {
            case Pod p -> null;
            case Deployment d -> d.getSpec() == null ? null : d.getSpec().getTemplate();
            case ReplicaSet r -> r.getSpec() == null ? null : r.getSpec().getTemplate();
            case StatefulSet s -> s.getSpec() == null ? null : s.getSpec().getTemplate();
            case DaemonSet d -> d.getSpec() == null ? null : d.getSpec().getTemplate();
            case Job j -> j.getSpec() == null ? null : j.getSpec().getTemplate();
            case CronJob c -> c.getSpec() == null || c.getSpec().getJobTemplate() == null || c.getSpec().getJobTemplate().getSpec() == null
                    ? null : c.getSpec().getJobTemplate().getSpec().getTemplate();
            default -> null;
        };
        if (o instanceof Pod p) {
            return p.getSpec();
        }
        return template == null ? null : template.getSpec();
    }
}
