package dev.sandtable.scenario;

import io.fabric8.kubernetes.api.model.LabelSelector;

/** A workload a scenario names: kind, namespace, name and the selector of its pods. */
public record WorkloadRef(String kind, String namespace, String name, LabelSelector selector) {
    /** The id used in series names: namespace/name. */
    public String id() {
        return namespace + "/" + name;
    }
}
