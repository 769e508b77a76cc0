package dev.sandtable.api.validation;

import dev.sandtable.api.FieldError;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.util.List;
import java.util.Set;

/** pkg/apis/scheduling/validation ValidatePriorityClass (v1.31): reserved system- names, the highest user-definable value, preemption policy. */
final class SchedulingValidation {
    /** scheduling.HighestUserDefinablePriority. */
    static final long HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000L;
    /** The classes the API server creates itself, the only ones allowed the system- prefix. */
    static final Set<String> SYSTEM_PRIORITY_CLASSES = Set.of("system-node-critical", "system-cluster-critical");

    private SchedulingValidation() {
    }

    static void priorityClass(PriorityClass pc, List<FieldError> errors) {
        String name = pc.getMetadata() == null ? null : pc.getMetadata().getName();
        boolean system = name != null && SYSTEM_PRIORITY_CLASSES.contains(name);
        if (name != null && name.startsWith("system-") && !system) {
            errors.add(FieldErrors.forbidden("metadata.name", "priority class names with 'system-' prefix are reserved for system use only. error: "
                    + name + " is not a known system priority class", "choose a name that does not start with system-"));
        }
        if (!system && pc.getValue() != null && pc.getValue() > HIGHEST_USER_DEFINABLE_PRIORITY) {
            errors.add(FieldErrors.forbidden("value", "maximum allowed value of a user defined priority is " + HIGHEST_USER_DEFINABLE_PRIORITY,
                    "use a value of at most 1000000000"));
        }
        PodSpecValidation.oneOf(pc.getPreemptionPolicy(), "preemptionPolicy", List.of("PreemptLowerPriority", "Never"), errors);
    }
}
